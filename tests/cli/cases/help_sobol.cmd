sobol
--help
