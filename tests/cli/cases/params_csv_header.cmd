params
--csv
tests/data/good
