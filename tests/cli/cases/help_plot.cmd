plot
--help
