validate
tests/data/good
--set
global.volume_month= 120000 
