from smartcity_assess.cli import main

raise SystemExit(main())
