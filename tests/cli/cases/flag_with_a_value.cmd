run
--quiet=yes
