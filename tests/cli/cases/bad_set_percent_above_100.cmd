validate
tests/data/good
--set
on_prem.breach_share=120 %
