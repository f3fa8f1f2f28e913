params
tests/data/good
--csv
