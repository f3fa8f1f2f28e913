validate
--set
saas.it_fte=0
--set
global.volume_month=80001
