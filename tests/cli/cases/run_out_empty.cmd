run
--scenario
tests/data/good
--out

-n
10
-q
