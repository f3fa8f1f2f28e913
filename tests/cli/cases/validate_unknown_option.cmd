validate
--bogus
