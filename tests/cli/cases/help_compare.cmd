compare
--help
