sobol
--smaples
16
