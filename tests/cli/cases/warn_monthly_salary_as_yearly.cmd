validate
--set
self_hosted.it_salary=15000
