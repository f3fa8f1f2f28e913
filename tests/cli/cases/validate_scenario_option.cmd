validate
--scenario
tests/data/good
