from noticelint.cli import main

main()
