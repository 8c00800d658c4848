from noticelint.entry import main

main()
