validate
tests/data/good
