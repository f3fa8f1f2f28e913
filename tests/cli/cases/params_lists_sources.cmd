params
inputs/default
