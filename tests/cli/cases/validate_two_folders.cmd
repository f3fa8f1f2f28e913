validate
tests/data/good
inputs/default
