params
tests/data/good
--set
on_prem.it_salary=60000 TWD/month
