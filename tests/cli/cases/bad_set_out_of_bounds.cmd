validate
tests/data/good
--set
on_prem.energy=-1850
