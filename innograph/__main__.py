from innograph.cli import main

raise SystemExit(main())
