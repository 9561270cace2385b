"""The words and sentence templates of the benchmark corpus, kept apart from the code that draws.

Slots in ``{braces}`` are filled by ``corpus._SLOTS``; keep the two in sync.
"""

CLAIM_TEMPLATES = (
    "{person}, a {title} for {org}, said {bound} {noun} had been evacuated since {weekday}.",
    "{org} said on {weekday} that {count} {noun} were affected in {city}.",
    "Officials estimated that {range} {noun} remained in the area.",
    "Revenue rose {percent} to {money} in the {ordinal} quarter, the company said.",
    "The project, expected to cost {money}, will create {count} jobs by {year}.",
    "Temperatures fell to {temperature} overnight in {city}, and {count} flights were cancelled.",
    "Inflation slowed to {percent} in {month} from {percent} a month earlier.",
    "Unemployment rose from {percent} to {percent}, the highest level since {year}.",
    "The convoy travelled {distance} across the desert, carrying {weight} of supplies.",
    "Police said {count} people were arrested after {range} protesters gathered on {weekday}.",
    "The economy grew {percent} in the year to {month}, {org} said in a statement.",
    "A shipment of {weight} of grain arrived in {city} at {time}.",
    "About {percent} of the {count} households surveyed said they could not afford heating.",
    "The storm left {count} homes without power and dropped {rain} of rain.",
    "{org} agreed to pay {money} to settle the case, {title} {person} said.",
    "A {age} man was taken to hospital after the crash, police said.",
    "Shares in {org} jumped {percent} to {money} in early trading on {weekday}.",
    "The aid package includes {money} for {count} schools and {count} clinics.",
    "Output reached {count} barrels a day in {month}, up {percent} from a year earlier.",
    "The plant, due to open in {year}, will generate {power}.",
    "The fire has burned {area} of forest near {city} and forced {bound} {noun} to flee.",
    "{bound} {noun} have fled the fighting in {country}, the UN refugee agency said.",
    "The central bank raised its main rate by {small} basis points to {percent}.",
    "The bill passed by {count} votes to {count} on {date}.",
    "Some {count} {noun} are expected to attend, up from {count} last year.",
    "The company said it would cut {range} jobs, or {percent} of its workforce, by {year}.",
    "Prices have risen {bound} per cent since {month}, according to {org}.",
    "Rescuers pulled {small} survivors from the rubble, and {bound} {noun} remain missing.",
    "The {length} bridge took {small} years to build and cost {money}.",
    "Organisers said {range} {noun} took part, and {small} were detained.",
    "The ministry said {range} {noun} had been vaccinated in {country} since {month}.",
    "Wind speeds reached {speed} as the storm made landfall near {city}.",
    "The deal is worth {money}, or roughly {percent} of the group's annual sales.",
    "Dozens of {noun} were injured and hundreds more were left homeless.",
    "The {age} suspect was charged with {small} counts of fraud totalling {money}.",
)

OTHER_TEMPLATES = (
    "Talks will resume on {weekday} {date} at {time} local time.",
    "{team} beat {team} {score} on {weekday} to reach the {ordinal} round.",
    "Investigators are still examining the wreckage of {ident}.",
    "The measure was first proposed in {year} and revised in {year}.",
    "{person} is expected to visit {city} later this month.",
    "The court ruled that the decision breached {ident}.",
    "The statement was released at {time} on {date}.",
    "It was the {ordinal} such attack this year, the ministry said.",
    "Traffic on {ident} was diverted for much of the afternoon.",
    "Neither side commented on the report.",
    "{org} declined to comment.",
    "Witnesses described scenes of chaos as emergency crews arrived.",
    "{person}, the {title} of {org}, will step down at the end of {month}.",
    "The agreement, signed in {city} in {year}, expires in {year}.",
    "Elections are scheduled for {date}, the {ordinal} since the constitution was adopted.",
    "One of the officials said the talks had been difficult.",
    "The {title} said the government would respond in due course.",
    "Protests continued in {city} for the {ordinal} day in a row.",
)

HEADLINES = (
    "{country} says {count} {noun} affected as storm moves inland",
    "{org} shares rise after profit beats forecasts",
    "Talks in {city} end without agreement",
    "Inflation in {country} falls to {percent}",
    "{ident} investigation enters its {ordinal} month",
    "{team} beat {team} {score}",
)

AGENCIES = ("AP", "Reuters", "AFP", "PA", "Bloomberg")
CITIES = (
    "Raqqa", "Mosul", "London", "Paris", "Nairobi", "Lagos", "Mumbai", "Jakarta", "Manila",
    "Sao Paulo", "Mexico City", "Houston", "Chicago", "Berlin", "Madrid", "Cairo", "Istanbul",
    "Kyiv", "Tokyo", "Seoul", "Sydney", "Toronto", "Johannesburg", "Dhaka", "Lima",
)  # fmt: skip
COUNTRIES = (
    "Syria", "Iraq", "Nigeria", "Kenya", "India", "Indonesia", "the Philippines", "Brazil",
    "Mexico", "Germany", "Spain", "Egypt", "Turkey", "Ukraine", "Japan", "Bangladesh", "Peru",
)  # fmt: skip
ORGANISATIONS = (
    "the World Bank", "the International Monetary Fund", "the health ministry", "the company",
    "the Red Cross", "the coalition", "the central bank", "the statistics office",
    "Siemens", "Shell", "Toyota", "the city council", "the electoral commission",
)  # fmt: skip
PEOPLE = (
    "Maria Lopez", "John Smith", "Amina Yusuf", "Rami Abdurrahman", "Mustafa Bali",
    "Priya Sharma", "Kenji Watanabe", "Olena Kovalenko", "David Okafor", "Sarah O'Brien",
)  # fmt: skip
TITLES = ("spokesman", "spokeswoman", "director", "minister", "chief executive", "governor")
NOUNS = (
    "people", "militants", "civilians", "homes", "workers", "passengers", "troops",
    "protesters", "students", "patients", "refugees", "families", "residents", "children",
)  # fmt: skip
TEAMS = ("Arsenal", "Barcelona", "Bayern Munich", "Juventus", "Celtic", "Ajax", "Porto")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
ORDINALS = ("first", "second", "third", "fourth", "fifth", "2nd", "3rd", "4th", "21st", "10th")
IDENTIFIERS = (
    "Flight MH17", "Route 66", "Article 50", "Resolution 2254", "Interstate 95",
    "the Boeing 737", "Highway 1", "Section 230", "the F-35 programme", "the G20 summit",
    "Apollo 11", "Terminal 5",
)  # fmt: skip
WRITTEN = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
    "fifteen", "twenty", "fifty", "a dozen", "a hundred", "two hundred", "seventy-five",
)  # fmt: skip
BOUNDS = (
    "more than", "at least", "about", "around", "nearly", "almost", "up to", "some",
    "an estimated", "fewer than", "roughly", "over", "as many as", "approximately",
)  # fmt: skip
RANGE_SHAPES = (
    "{low} to {high}", "between {low} and {high}", "{low}-{high}", "from {low} to {high}",
    "{low} and {high}",
)  # fmt: skip
CURRENCIES = ("$", "£", "€", "US$", "¥")
PERCENT_SIGNS = ("%", "%", " percent", " per cent")
# Measurements by slot: (low, high, decimals, units with their leading space or hyphen).
QUANTITIES = {
    "distance": (1.5, 900, 0, (" km", "km", " kilometres", " miles")),
    "temperature": (1.2, 45, 0, ("C", " degrees Celsius", "°C", " degrees")),
    "weight": (5, 50_000, 0, (" tonnes", " tons", " kg", " pounds")),
    "rain": (1.1, 40, 1, (" inches", " cm", " mm")),
    "power": (10, 3_000, 0, (" megawatts", " MW", " gigawatts")),
    "speed": (30, 300, 0, (" mph", " km/h", " kph")),
    "area": (100, 90_000, 0, (" hectares", " acres", " square kilometres")),
    "length": (20, 2_000, 0, ("-metre", "-foot", "m-long")),
}
