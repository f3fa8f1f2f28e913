run
--tra
5
