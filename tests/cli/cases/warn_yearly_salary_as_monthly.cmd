validate
--set
self_hosted.it_salary=300000 CNY/month
