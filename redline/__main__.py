from redline.cli import main

main(prog_name="redline")
