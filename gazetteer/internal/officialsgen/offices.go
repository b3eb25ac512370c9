package main

// office is how one TSV office of one country becomes a position: its
// English title and the organisation it belongs to. A list of offices is
// a series of eras, each starting on its from date, for offices renamed or
// moved to another ministry; a term that spans an era boundary is split
// there.
type office struct {
	from  string // first day of the era, "" = since ever
	title string
	org   string // "" when no body in the gazetteer fits
}

// countryNames are the English country names used in titles.
var countryNames = map[string]string{
	"ARG": "Argentina", "BLR": "Belarus", "BRA": "Brazil", "CHN": "China", "CUB": "Cuba",
	"DEU": "Germany", "ESP": "Spain", "FRA": "France", "GBR": "the United Kingdom", "IRN": "Iran",
	"MEX": "Mexico", "NIC": "Nicaragua", "PRK": "North Korea", "RUS": "Russia", "UKR": "Ukraine",
	"USA": "the United States", "VEN": "Venezuela",
}

// offices maps country → TSV office → eras. Titles follow each country's
// own name for the office (OFFICIALS-README.md, "Office mapping choices").
var offices = map[string]map[string][]office{
	"ARG": {
		"head_of_state":     {{"", "President of Argentina", "org/ar-presidency"}},
		"foreign_minister":  {{"", "Foreign Minister of Argentina", "org/ar-mfa"}},
		"defence_minister":  {{"", "Defence Minister of Argentina", "org/ar-mod"}},
		"interior_minister": {{"", "Minister of Security of Argentina", "org/ar-ministry-of-security"}},
		"spokesperson":      {{"", "Presidential Spokesperson of Argentina", "org/ar-presidency"}},
	},
	"BLR": {
		"head_of_state":              {{"", "President of Belarus", "org/by-presidential-administration"}},
		"head_of_government":         {{"", "Prime Minister of Belarus", "org/by-council-of-ministers"}},
		"foreign_minister":           {{"", "Foreign Minister of Belarus", "org/by-mfa"}},
		"defence_minister":           {{"", "Defence Minister of Belarus", "org/by-mod"}},
		"interior_minister":          {{"", "Interior Minister of Belarus", "org/by-mvd"}},
		"security_council_secretary": {{"", "State Secretary of the Security Council of Belarus", "org/by-security-council"}},
		"spokesperson":               {{"", "Press Secretary of the President of Belarus", "org/by-presidential-administration"}},
	},
	"BRA": {
		"head_of_state":              {{"", "President of Brazil", "org/br-presidency"}},
		"foreign_minister":           {{"", "Foreign Minister of Brazil", "org/br-mfa"}},
		"defence_minister":           {{"", "Defence Minister of Brazil", "org/br-mod"}},
		"interior_minister":          {{"", "Minister of Justice and Public Security of Brazil", "org/br-mjsp"}},
		"security_council_secretary": {{"", "Chief Minister of the Institutional Security Office of Brazil", "org/br-gsi"}},
		"spokesperson":               {{"", "Spokesperson of the Presidency of Brazil", "org/br-presidency"}},
		"communications_minister": {
			{"", "Minister of Science, Technology, Innovation and Communications of Brazil", "org/br-mctic"},
			{"2020-06-17", "Minister of Communications of Brazil", "org/br-mcom"},
		},
	},
	"CHN": {
		"head_of_state":           {{"", "President of China", ""}},
		"head_of_government":      {{"", "Premier of China", "org/cn-state-council"}},
		"foreign_minister":        {{"", "Foreign Minister of China", "org/cn-mfa"}},
		"defence_minister":        {{"", "Defence Minister of China", "org/cn-mnd"}},
		"interior_minister":       {{"", "Minister of Public Security of China", "org/cn-mps"}},
		"communications_minister": {{"", "Minister of Industry and Information Technology of China", "org/cn-miit"}},
	},
	"CUB": {
		"head_of_state": {{"", "President of Cuba", "org/cu-presidency"}},
		"head_of_government": {
			{"", "President of the Council of Ministers of Cuba", "org/cu-council-of-ministers"},
			{"2019-12-21", "Prime Minister of Cuba", "org/cu-council-of-ministers"},
		},
		"foreign_minister":        {{"", "Foreign Minister of Cuba", "org/cu-minrex"}},
		"defence_minister":        {{"", "Minister of the Revolutionary Armed Forces of Cuba", "org/cu-minfar"}},
		"interior_minister":       {{"", "Interior Minister of Cuba", "org/cu-minint"}},
		"communications_minister": {{"", "Minister of Communications of Cuba", "org/cu-mincom"}},
	},
	"DEU": {
		"head_of_state":      {{"", "President of Germany", "org/de-bundespraesidialamt"}},
		"head_of_government": {{"", "Chancellor of Germany", "org/de-chancellery"}},
		"foreign_minister":   {{"", "Foreign Minister of Germany", "org/de-auswaertiges-amt"}},
		"defence_minister":   {{"", "Defence Minister of Germany", "org/de-bmvg"}},
		"interior_minister":  {{"", "Interior Minister of Germany", "org/de-bmi"}},
		"spokesperson":       {{"", "Spokesperson of the Federal Government of Germany", "org/de-bpa"}},
		"communications_minister": {
			{"", "Federal Minister of Transport and Digital Infrastructure of Germany", "org/de-bmdv"},
			{"2021-12-08", "Federal Minister for Digital and Transport of Germany", "org/de-bmdv"},
			{"2025-05-06", "Federal Minister for Digital Transformation and Government Modernisation of Germany", "org/de-bmds"},
		},
	},
	"ESP": {
		"head_of_state":      {{"", "King of Spain", "org/es-royal-household"}},
		"head_of_government": {{"", "Prime Minister of Spain", "org/es-moncloa"}},
		"foreign_minister":   {{"", "Foreign Minister of Spain", "org/es-mfa"}},
		"defence_minister":   {{"", "Defence Minister of Spain", "org/es-mod"}},
		"interior_minister":  {{"", "Interior Minister of Spain", "org/es-interior-ministry"}},
		"spokesperson":       {{"", "Spokesperson of the Government of Spain", "org/es-moncloa"}},
		"communications_minister": {
			{"", "Minister of Energy, Tourism and the Digital Agenda of Spain", "org/es-minetad"},
			{"2018-06-07", "Minister of Economy and Business of Spain", "org/es-economy-ministry"},
			{"2020-01-13", "Minister of Economic Affairs and Digital Transformation of Spain", "org/es-economy-ministry"},
			{"2023-11-21", "Minister for Digital Transformation and the Civil Service of Spain", "org/es-digital-ministry"},
		},
	},
	"FRA": {
		"head_of_state":           {{"", "President of France", "org/fr-elysee"}},
		"head_of_government":      {{"", "Prime Minister of France", "org/fr-matignon"}},
		"foreign_minister":        {{"", "Foreign Minister of France", "org/fr-mfa"}},
		"defence_minister":        {{"", "Minister of the Armed Forces of France", "org/fr-armed-forces-ministry"}},
		"interior_minister":       {{"", "Interior Minister of France", "org/fr-interior-ministry"}},
		"spokesperson":            {{"", "Government Spokesperson of France", "org/fr-matignon"}},
		"communications_minister": {{"", "Minister for Digital Affairs of France", ""}},
	},
	"GBR": {
		"head_of_state":              {{"", "Monarch of the United Kingdom", ""}},
		"head_of_government":         {{"", "Prime Minister of the United Kingdom", "org/gb-downing-street"}},
		"foreign_minister":           {{"", "Foreign Secretary of the United Kingdom", "org/gb-fcdo"}},
		"defence_minister":           {{"", "Defence Secretary of the United Kingdom", "org/gb-mod"}},
		"interior_minister":          {{"", "Home Secretary of the United Kingdom", "org/gb-home-office"}},
		"security_council_secretary": {{"", "National Security Adviser of the United Kingdom", "org/gb-cabinet-office"}},
		"communications_minister": {
			{"", "Culture Secretary of the United Kingdom", "org/gb-dcms"},
			{"2023-02-07", "Secretary of State for Science, Innovation and Technology of the United Kingdom", "org/gb-dsit"},
		},
	},
	"IRN": {
		"head_of_state":              {{"", "Supreme Leader of Iran", "org/ir-supreme-leader-office"}},
		"head_of_government":         {{"", "President of Iran", "org/ir-presidency"}},
		"foreign_minister":           {{"", "Foreign Minister of Iran", "org/ir-mfa"}},
		"defence_minister":           {{"", "Defence Minister of Iran", "org/ir-modafl"}},
		"interior_minister":          {{"", "Interior Minister of Iran", "org/ir-interior-ministry"}},
		"security_council_secretary": {{"", "Secretary of the Supreme National Security Council of Iran", "org/ir-snsc"}},
		"spokesperson":               {{"", "Government Spokesperson of Iran", "org/ir-presidency"}},
		"communications_minister":    {{"", "Minister of Information and Communications Technology of Iran", "org/ir-mict"}},
	},
	"MEX": {
		"head_of_state":     {{"", "President of Mexico", "org/mx-presidency"}},
		"foreign_minister":  {{"", "Secretary of Foreign Affairs of Mexico", "org/mx-sre"}},
		"defence_minister":  {{"", "Secretary of National Defense of Mexico", "org/mx-sedena"}},
		"interior_minister": {{"", "Secretary of the Interior of Mexico", "org/mx-segob"}},
		"spokesperson":      {{"", "Spokesperson of the Presidency of Mexico", "org/mx-presidency"}},
		"communications_minister": {
			{"", "Secretary of Communications and Transportation of Mexico", "org/mx-sct"},
			{"2024-10-01", "Head of the Agency for Digital Transformation and Telecommunications of Mexico", "org/mx-atdt"},
		},
	},
	"NIC": {
		"head_of_state":    {{"", "President of Nicaragua", "org/ni-presidency"}},
		"foreign_minister": {{"", "Foreign Minister of Nicaragua", "org/ni-mfa"}},
		"spokesperson":     {{"", "Government Spokesperson of Nicaragua", "org/ni-presidency"}},
	},
	"PRK": {
		"head_of_state":      {{"", "Head of the State Affairs Commission of North Korea", "org/kp-sac"}},
		"head_of_government": {{"", "Premier of North Korea", "org/kp-cabinet"}},
		"foreign_minister":   {{"", "Foreign Minister of North Korea", "org/kp-mfa"}},
		"defence_minister":   {{"", "Defence Minister of North Korea", "org/kp-mod"}},
	},
	"RUS": {
		"head_of_state":              {{"", "President of Russia", "org/ru-presidential-executive-office"}},
		"head_of_government":         {{"", "Prime Minister of Russia", "org/ru-government"}},
		"foreign_minister":           {{"", "Foreign Minister of Russia", "org/ru-mfa"}},
		"defence_minister":           {{"", "Defence Minister of Russia", "org/ru-mod"}},
		"interior_minister":          {{"", "Interior Minister of Russia", "org/ru-mvd"}},
		"security_council_secretary": {{"", "Secretary of the Security Council of Russia", "org/ru-security-council"}},
		"spokesperson":               {{"", "Press Secretary of the President of Russia", "org/ru-presidential-executive-office"}},
		"communications_minister": {
			{"", "Minister of Communications and Mass Media of Russia", "org/ru-mincifry"},
			{"2018-05-18", "Minister of Digital Development, Communications and Mass Media of Russia", "org/ru-mincifry"},
		},
	},
	"UKR": {
		"head_of_state":              {{"", "President of Ukraine", "org/ua-presidential-office"}},
		"head_of_government":         {{"", "Prime Minister of Ukraine", "org/ua-cabinet"}},
		"foreign_minister":           {{"", "Foreign Minister of Ukraine", "org/ua-mfa"}},
		"defence_minister":           {{"", "Defence Minister of Ukraine", "org/ua-mod"}},
		"interior_minister":          {{"", "Interior Minister of Ukraine", "org/ua-interior-ministry"}},
		"security_council_secretary": {{"", "Secretary of the National Security and Defence Council of Ukraine", "org/ua-nsdc"}},
		"spokesperson":               {{"", "Press Secretary of the President of Ukraine", "org/ua-presidential-office"}},
		"communications_minister":    {{"", "Minister of Digital Transformation of Ukraine", "org/ua-digital-ministry"}},
	},
	"USA": {
		"head_of_state":              {{"", "President of the United States", "org/us-white-house"}},
		"foreign_minister":           {{"", "Secretary of State (United States)", "org/us-state-department"}},
		"defence_minister":           {{"", "Secretary of Defense (United States)", "org/us-dod"}},
		"interior_minister":          {{"", "Secretary of Homeland Security", "org/us-dhs"}},
		"security_council_secretary": {{"", "National Security Advisor (United States)", "org/us-nsc"}},
		"spokesperson":               {{"", "White House Press Secretary", "org/us-white-house"}},
	},
	"VEN": {
		"head_of_state":           {{"", "President of Venezuela", "org/ve-presidency"}},
		"foreign_minister":        {{"", "Foreign Minister of Venezuela", "org/ve-mfa"}},
		"defence_minister":        {{"", "Defence Minister of Venezuela", "org/ve-mod"}},
		"interior_minister":       {{"", "Minister of Interior, Justice and Peace of Venezuela", "org/ve-interior-ministry"}},
		"communications_minister": {{"", "Minister of Communication and Information of Venezuela", "org/ve-minci"}},
	},
}

// override changes the office of one person's rows ("CTRY|office|person"),
// or of one row ("CTRY|office|person|start"), where the TSV's office column
// groups posts that differ (README: MEX Segob and SSPC, BRA 2018, monarchs)
// or the holder was acting (README: "Acting and interim holders").
type override struct {
	eras   []office // replaces the country's eras when set
	acting bool     // prefixes "Acting " to the title
}

var overrides = map[string]override{
	// Monarchs.
	"GBR|head_of_state|Elizabeth II": {eras: []office{{"", "Queen of the United Kingdom", ""}}},
	"GBR|head_of_state|Charles III":  {eras: []office{{"", "King of the United Kingdom", ""}}},
	// MEX interior_minister holds both the Segob and the SSPC (from 2018-12-01).
	"MEX|interior_minister|Alfonso Durazo":          {eras: []office{sspc}},
	"MEX|interior_minister|Omar García Harfuch":     {eras: []office{sspc}},
	"MEX|interior_minister|Rosa Icela Rodríguez":    {eras: []office{sspc, {"2024-10-01", "Secretary of the Interior of Mexico", "org/mx-segob"}}},
	"BRA|interior_minister|Torquato Jardim":         {eras: []office{{"", "Minister of Justice of Brazil", "org/br-mjsp"}}},
	"BRA|interior_minister|Raul Jungmann":           {eras: []office{{"", "Minister of Public Security of Brazil", "org/br-msp"}}},
	"ARG|spokesperson|Juan Pablo Biondi":            {eras: []office{{"", "Secretary of Communication and Press of Argentina", "org/ar-presidency"}}},
	"NIC|head_of_state|Rosario Murillo":             {eras: []office{{"", "Co-President of Nicaragua", "org/ni-presidency"}}},
	"DEU|communications_minister|Christian Schmidt": {acting: true},
	// The SCT became the SICT during Arganis's term (date not in the TSV):
	// only his successor gets the new name.
	"MEX|communications_minister|Jorge Nuño Lara": {eras: []office{{"", "Secretary of Infrastructure, Communications and Transportation of Mexico", "org/mx-sct"}}},
	// Acting and interim holders the README lists.
	"USA|foreign_minister|John J. Sullivan":                   {acting: true},
	"USA|defence_minister|Patrick Shanahan":                   {acting: true},
	"USA|defence_minister|Mark Esper|2019-06-24":              {acting: true},
	"USA|defence_minister|Christopher C. Miller":              {acting: true},
	"USA|interior_minister|Kevin McAleenan":                   {acting: true},
	"USA|interior_minister|Chad Wolf":                         {acting: true},
	"USA|security_council_secretary|Marco Rubio":              {acting: true},
	"GBR|security_council_secretary|David Quarrey":            {acting: true},
	"ESP|foreign_minister|Margarita Robles":                   {acting: true},
	"IRN|foreign_minister|Ali Bagheri Kani":                   {acting: true},
	"IRN|head_of_government|Mohammad Mokhber":                 {acting: true},
	"IRN|defence_minister|Majid Ebnelreza":                    {acting: true},
	"VEN|head_of_state|Delcy Rodríguez":                       {acting: true},
	"MEX|foreign_minister|Roberto Velasco":                    {acting: true},
	"CUB|communications_minister|Ernesto Rodríguez Hernández": {acting: true},
}

var sspc = office{"", "Secretary of Security and Citizen Protection of Mexico", "org/mx-sspc"}
