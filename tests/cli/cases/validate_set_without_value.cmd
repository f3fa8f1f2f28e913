validate
tests/data/good
--set
