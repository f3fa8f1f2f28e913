validate
/nonexistent/scenario
