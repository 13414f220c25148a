from reviewer.cli.main import main

raise SystemExit(main())
