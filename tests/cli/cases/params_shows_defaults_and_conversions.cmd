params
tests/data/good
