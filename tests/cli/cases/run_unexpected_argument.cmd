run
extra
