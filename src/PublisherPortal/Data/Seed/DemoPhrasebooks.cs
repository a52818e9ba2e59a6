namespace PublisherPortal.Data.Seed;

/// <summary>The templates the demo stories are written from. Reporting sections share quotes and
/// closings; Opinion argues instead of quoting, so it has a voice of its own.</summary>
internal static class DemoPhrasebooks
{
    public static DemoPhrasebook For(string section) => section switch
    {
        "news" => Reporting(
            ledes:
            [
                "The decision on {topic} has been months in the making, and in {place} it has been the subject of almost every conversation at the school gate and the bus stop.",
                "For people in {place}, {topic} is not an abstract question about budgets. It decides how they get about, where their children learn and how long they wait.",
                "Officials at {institution} confirmed the details on {weekday}, ending weeks of speculation about {topic}.",
                "It took {n} meetings, a petition and a packed public gallery, but the argument over {topic} has reached a decision, at least for this year.",
            ],
            contexts:
            [
                "According to {institution}, around {big} residents are directly affected, and the wider programme is expected to cost about £{money}m over the next {n} years.",
                "The figures are stark: {pct}% of those who answered the council's consultation said {topic} affected them, and more than {big} people signed a petition within a fortnight.",
                "The issue first surfaced in {year}, when a report to {institution} warned that nothing would change without a clear plan and a budget to match.",
            ],
            subheadings: ["What happens next", "The cost", "Who is affected", "A long-running question", "What residents say"]),
        "business" => Reporting(
            ledes:
            [
                "{Topic} is the kind of story that rarely makes the front page, yet it touches thousands of pay packets across Port Avery.",
                "Figures published by {institution} this week put a number on {topic} for the first time, and the picture is more mixed than the headline suggests.",
                "In {place}, where the harbour economy is measured in shifts and tides, {topic} has been watched closely for months.",
                "The numbers on {topic} arrived on a {weekday} morning, and by lunchtime traders in {place} were already arguing over what they meant.",
            ],
            contexts:
            [
                "The sums involved are significant. {Institution} puts the wider investment at about £{money}m over {n} years, with roughly {big} jobs linked to the outcome.",
                "Turnover in the sector rose {pct}% last year, according to the Chamber of Commerce, but margins have been squeezed by energy costs and higher wages.",
                "Since {year}, the share of local firms that say {topic} affects their plans has roughly doubled, to {pct}%.",
            ],
            subheadings: ["The numbers", "Who gains", "The risks", "What traders say", "What comes next"]),
        "climate" => Reporting(
            ledes:
            [
                "The sea has always shaped {place}, but {topic} shows how quickly the rules are changing.",
                "Scientists have been measuring the changes behind {topic} for more than a decade. This year the data told a clearer story than ever.",
                "{Topic} is one of those changes you can see from the promenade if you know where to look, and in {place} plenty of people do.",
                "When {institution} published its latest figures on {topic}, the reaction in {place} was a mixture of relief and unease.",
            ],
            contexts:
            [
                "Records kept at Kestrel Point since {year} show sea level in the bay rising by about {n} millimetres a year, faster than the global average.",
                "{Institution} estimates that {big} properties and £{money}m of roads, pipes and sea walls lie in the area most exposed to the changes.",
                "Over the past decade the number of days with a coastal surge warning has risen by {pct}%, according to the regional weather office.",
            ],
            subheadings: ["What the data shows", "The cost of waiting", "Living with the water", "What scientists say", "The next decade"]),
        "culture" => Reporting(
            ledes:
            [
                "There are evenings in Port Avery when the whole city seems to be in one room, and {topic} has already produced several of them.",
                "{Topic} began as a small idea in {place}. It has grown into one of the most talked-about events in the city's cultural calendar.",
                "Anyone who has walked through {place} on a summer evening will understand why {topic} matters to so many people here.",
                "It is not often that the whole city seems to have an opinion about {topic}, but this time it does.",
            ],
            contexts:
            [
                "Interest has been considerable: {big} people have signed up for news of what comes next, and {pct}% of them live within ten miles of the city.",
                "The project has cost about £{money}m, a figure that includes grants from the arts council and {n} private donors.",
                "Since {year}, audiences for live events in Port Avery have grown by {pct}%, according to figures from Visit Port Avery.",
            ],
            subheadings: ["Behind the scenes", "The audience", "Paying for it", "What comes next", "A city's stage"],
            lists:
            [
                "If you go:\n- Tickets are on sale now, with concessions for students and over-65s.\n- Bus routes 3 and 7 stop within five minutes' walk of {place}.\n- Step-free access is available; call ahead to book a space.",
                "Also worth your time this month:\n- A free exhibition of harbour photographs at the City Archive.\n- Late opening at Marlow & Finch on the last Friday of {month}.\n- The Regal's Sunday matinee of classic sea films.",
            ],
            details:
            [
                "Much of the work has been done by volunteers; {n} of the core team have day jobs elsewhere in the city.",
                "Local reaction has been warm. In the cafés and on the ferry, the word people use most often is \"ours\".",
                "{person2}, {role2}, said the response had surprised everyone involved. \"We hoped people would come. We did not expect them to come back three times.\"",
                "The city has a long history here. Programmes and posters in the City Archive show that Port Avery audiences have always been loyal, and opinionated.",
                "For {institution}, the challenge now is to keep the momentum going beyond a single season.",
                "Prices have been kept deliberately low, with {pct}% of tickets and places offered at a reduced rate to students, pensioners and people on low incomes.",
                "What stands out is the sense of place. {Place} is not a backdrop here but a character, with its weather, its gossip and its long memory.",
            ],
            closings:
            [
                "Whatever your view, {topic} has given the city something to talk about, and that is no small thing.",
                "{Institution} will announce its next programme in {month}.",
                "\"We have done our part,\" said {person}. \"Now it is up to the audience.\"",
            ]),
        "sport" => Reporting(
            ledes:
            [
                "Few subjects fill the Gazette's letters page like sport, and {topic} has done so all season.",
                "Ask anyone on the terraces or the towpath in {place} about {topic} and you will get an opinion, usually at length.",
                "{Topic} has been building for months. This week, for the first time, the people involved spoke about it openly.",
                "Sport in Port Avery has always been about the water and the weekend, and {topic} sits squarely in that tradition.",
            ],
            contexts:
            [
                "Attendances are up {pct}% on last season, and more than {big} people have bought tickets or memberships this year.",
                "By the estimate of {institution}, the long-term cost is about £{money}m over {n} years, a large sum for an organisation run largely by volunteers.",
                "Participation has grown steadily since {year}; more than {big} people now take part each week across the city.",
            ],
            subheadings: ["The season so far", "Behind the scenes", "The money", "What comes next", "Voices from the club"],
            lists:
            [
                "The numbers behind it:\n- {big} people have taken part or watched so far this year.\n- Almost every session is run by volunteers; there are {n} paid staff.\n- The next fixture at {place} is on {weekday} week.",
                "How to get involved:\n- Taster sessions run every {weekday} evening at {place}.\n- Kit is provided for beginners; bring a change of clothes.\n- Juniors under 16 need a parent or guardian to sign them up.",
            ],
            details:
            [
                "Training starts at 6am, three days a week, before most of those involved go to work or school.",
                "{person2}, {role2}, said the mood was the best they could remember. \"People want to be here. That is half the battle.\"",
                "Money remains tight. Most of the income comes from memberships, a summer fundraising dinner and {n} local sponsors.",
                "Supporters have noticed the difference. Crowds at {place} have grown, and regulars say the atmosphere is the best in years.",
                "There is still work to do. Injuries, the weather and a crowded calendar could all intervene before the end of the season.",
                "Coaches say the pathway for young athletes is stronger than it has been for a decade, with {n} juniors stepping up this year.",
                "The facilities, though, are showing their age. The changing rooms at {place} were last refurbished in {year}.",
            ],
            closings:
            [
                "The next test comes on {weekday}. On current form, few in {place} would bet against a good afternoon.",
                "Whatever happens next, {topic} has already given the city plenty to cheer.",
                "For now, the focus is on the weekend. \"One week at a time,\" said {person}.",
                "{Institution} will set out its plans for next season in {month}.",
            ]),
        "opinion" => Opinion,
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Unknown demo section."),
    };

    private static DemoPhrasebook Reporting(
        string[] ledes, string[] contexts, string[] subheadings, string[]? lists = null, string[]? details = null, string[]? closings = null) => new(
        ledes,
        contexts,
        Quotes:
        [
            "\"We have been asking the same questions for a long time,\" said {person}, {role}. \"What people in {place} want is a straight answer.\"",
            "{person}, {role}, said the outcome was \"better than many of us feared, but not the end of the matter\".",
            "\"Nobody pretends this is simple,\" said {person}, {role}. \"But doing nothing has a cost too, and it tends to fall on the people with the least room to absorb it.\"",
            "\"I have seen a lot of plans come and go,\" said {person}, {role}. \"This one at least has a timetable and money attached. That is new.\"",
            "Speaking to the Gazette, {person}, {role}, said: \"The detail matters more than the headline. We will be reading every page.\"",
            "\"There is real goodwill here,\" said {person}, {role}. \"The question is whether it survives the first difficult winter.\"",
        ],
        Details: details ??
        [
            "Documents released under freedom-of-information rules show that officials considered at least {n} alternatives before settling on the current approach.",
            "Critics argue the timetable is optimistic. A similar scheme elsewhere on the coast took {n} years longer than planned and ran {pct}% over budget.",
            "The next formal step is a meeting of {institution} in {month}, where detailed figures will be published and members of the public can ask questions.",
            "Not everyone is convinced. A group in {place} has written to {institution} asking for an independent review, arguing that the evidence has not been properly tested.",
            "{person2}, {role2}, said the announcement had been expected. \"Everyone agrees on the goal,\" they said. \"The argument is about who pays, and when.\"",
            "The Gazette asked {institution} how progress would be measured. A spokesperson said figures would be published every {n} months and checked by an outside panel.",
            "Previous attempts to deal with {topic} foundered on funding. This time, officials say, the money has been set aside for {n} years.",
            "In {place}, opinion is divided. Some residents welcomed the news; others said they would believe it when they saw it.",
        ],
        Closings: closings ??
        [
            "{Institution} is expected to publish a full report in {month}. The Gazette will follow it closely.",
            "A public drop-in session will be held in {place} on {weekday} evening. Readers who want to share their experience can write to newsdesk@harbourgazette.example.",
            "For now, the people most affected are waiting. \"We will judge it by what happens, not by what is promised,\" said {person}.",
            "The arrangements will be reviewed in {month}. Until then, the plans announced this week stand.",
        ],
        subheadings,
        Blockquotes:
        [
            "> \"If you want to know whether a plan is serious, look at the budget line and the date. Everything else is hope.\"\n>\n> {person2}, {role2}",
            "> \"This city has always been good at arguing and then getting on with it. I expect we will do both.\"\n>\n> {person2}, {role2}",
            "> \"People here are not against change. They are against being the last to hear about it.\"\n>\n> {person2}, {role2}",
        ],
        Lists: lists ??
        [
            "The main points so far:\n- {Institution} will review the decision in {month}.\n- About {big} people in {place} and the surrounding streets are directly affected.\n- Further details are expected within {n} weeks.",
            "What we know:\n- The first changes take effect in {month}.\n- The estimated cost of the wider programme is £{money}m.\n- {pct}% of people who took part in the consultation supported the principle.",
        ],
        Links:
        [
            "The consultation papers are published on the [city council's website](https://www.portavery.example/consultations/{slug}), where residents can also leave comments until {month}.",
            "Readers can find the underlying figures in the [open data portal](https://data.portavery.example/datasets/{slug}) maintained by the city.",
        ]);

    private static readonly DemoPhrasebook Opinion = new(
        Ledes:
        [
            "Every city has arguments it keeps having. In Port Avery, {topic} is one of them, and it is time we had it properly.",
            "I have lived in {place} long enough to distrust anyone who says {topic} is simple. But some things are clearer than they are made to look.",
            "{Topic} has been discussed in the council chamber, on the letters page and in every pub on the Ropewalk. What has been missing is a decision.",
            "There is a comfortable story about {topic}, and there is what actually happens. This newspaper's reporting has shown the gap between them.",
        ],
        Contexts:
        [
            "The facts are not really in dispute. {Institution}'s own figures show {big} people affected and a bill of about £{money}m over {n} years.",
            "Since {year}, successive plans have promised change. Each has been announced with confidence and quietly revised within {n} years.",
            "Consider the numbers: {pct}% of those who responded to the last consultation said they did not trust the process. That should alarm anyone in charge.",
        ],
        Quotes:
        [
            "The strongest argument for the status quo is that change costs money. But the status quo costs money too; it is just spent more slowly and less visibly.",
            "It would be easy to blame {institution}, and some of the criticism is deserved. The deeper problem is that nobody has been made responsible for the outcome.",
            "Those who disagree make a fair point: people in {place} have been promised a great deal before. Scepticism is earned. It should be answered with evidence, not slogans.",
            "A port city ought to understand this better than most. We know what happens when maintenance is put off for one more season.",
        ],
        Details:
        [
            "What would a better approach look like? Publish the figures in full. Set a date and keep it. Let the people of {place} see the trade-offs for themselves.",
            "None of this requires heroism. It requires {institution} to do what it says it will do, on time, and to explain itself when it cannot.",
            "Some will say this is a matter for experts. It is, in part. But experts work for the public, and the public is entitled to understand the choice.",
            "The cost of getting this wrong will not fall on those who make the decision. It will fall on the families in {place} who have the fewest alternatives.",
            "It is worth remembering how we got here. In {year} the same question was put off for a review; the review reported, and was put off in turn.",
            "Nor is Port Avery alone. Towns up and down the coast face the same choice, and the ones that decided early are, on the whole, glad they did.",
        ],
        Closings:
        [
            "{Topic} will not be settled by one column or one vote. But it can be settled, and it should be, before another year slips by.",
            "The choice is there to be made. Those responsible should make it, and say plainly why.",
            "Port Avery has solved harder problems than this. This one needs less cleverness than courage.",
            "Readers who disagree are welcome to say so at letters@harbourgazette.example. That, too, is how a city makes up its mind.",
        ],
        Subheadings: ["The case against", "What should change", "A harder question", "Who pays", "The better choice"],
        Blockquotes:
        [
            "> A decision deferred is still a decision. It is simply one that nobody has to sign.",
            "> The test of a plan is not whether it sounds bold in the council chamber, but whether it still holds in {place} on a wet Tuesday in {month}.",
        ],
        Lists:
        [
            "Three things should happen now:\n- {Institution} should publish its full figures, not a summary.\n- A date for a decision should be set before {month}.\n- People in {place} should be asked, not told.",
        ],
        Links:
        [
            "Anyone who doubts this should read the [published minutes](https://www.portavery.example/minutes/{slug}) for themselves. They are shorter, and more revealing, than you might expect.",
        ]);
}
