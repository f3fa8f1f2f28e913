validate
inputs/default
