validate
tests/data/good
--set
on_prem.energy=uniform(3,2)
