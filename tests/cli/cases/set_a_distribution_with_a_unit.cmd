params
tests/data/good
--set
global.growth_year=tri(2,5.5,9) %/year
