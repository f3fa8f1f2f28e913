validate
tests/data/good
--set
on_prm.energy=1800
