sweep
--help
