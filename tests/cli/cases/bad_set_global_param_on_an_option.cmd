validate
tests/data/good
--set
on_prem.volume_month=61500
