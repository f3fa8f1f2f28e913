validate
tests/data/good
--set
on_prem.enrgy=1800
