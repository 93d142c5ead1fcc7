from numretire.cli import main

main()
