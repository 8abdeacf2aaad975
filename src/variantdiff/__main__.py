from variantdiff.cli import main

main()
