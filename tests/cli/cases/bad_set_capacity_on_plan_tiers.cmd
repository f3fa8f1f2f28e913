validate
inputs/default
--set
saas.capacity_rps=60
