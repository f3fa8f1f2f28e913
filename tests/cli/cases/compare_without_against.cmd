compare
-n
5
