tornado
--help
