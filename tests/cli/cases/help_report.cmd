report
--help
