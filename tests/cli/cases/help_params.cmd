params
--help
