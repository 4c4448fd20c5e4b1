# ruff: noqa: E501 - one person per line reads best as a table
"""A realistic demo company for `python -m relais_ambassadors.demo` (development only)."""

from __future__ import annotations

from typing import Any

DEPARTMENTS = ["R&D", "Sales", "Marketing", "HR", "Support", "Finance", "Operations", "Legal"]

THEMES = {
    "Cloud security": "Protecting data and workloads in the cloud.",
    "Recruiting": "Who we hire, how, and why people join us.",
    "Sustainability": "Our footprint, green IT and responsible sourcing.",
    "Data & AI": "Machine learning, analytics and responsible AI.",
    "Open source": "What we publish, maintain and contribute upstream.",
    "Customer success": "Stories from our customers and how we help them.",
    "Diversity & inclusion": "A workplace where everyone can thrive.",
    "Product design": "Accessible, simple and beautiful products.",
}

# name | job title | department | location | languages | themes (indexes) | accounts
# accounts: platform:value, comma-separated; "!" marks an account kept private;
# a blog is "blog:<site>><feed url>" (explicit feed: the demo never fetches the network).
PEOPLE = """\
Camille Laurent|Principal engineer|R&D|Lyon|fr,en|0,4|mastodon:@camille@mastodon.social,github:claurent,blog:https://camille.example.org>https://camille.example.org/feed.xml
Hugo Moreau|Security architect|R&D|Paris|fr,en|0|bluesky:hugomoreau.bsky.social,linkedin:hugo-moreau
Amina Diallo|Data scientist|R&D|Paris|fr,en,wo|3|github:aminad,linkedin:amina-diallo,x:aminadata
Lucas Bernard|Site reliability engineer|Operations|Nantes|fr|0,4|mastodon:@lucasb@fosstodon.org,github:lbernard
Chloé Petit|Head of talent acquisition|HR|Paris|fr,en,es|1,6|linkedin:chloe-petit,instagram:chloe.recrute
Yuki Tanaka|Machine learning engineer|R&D|Tokyo|ja,en|3,4|github:ytanaka,bluesky:yukitanaka.bsky.social
Mateo García|Account executive|Sales|Madrid|es,en,fr|5|linkedin:mateo-garcia,x:mateosales
Sofia Rossi|Product marketing manager|Marketing|Milan|it,en|5,7|linkedin:sofia-rossi,instagram:sofia.rossi.pm
Thomas Girard|Customer success manager|Support|Bordeaux|fr,en|5|linkedin:thomas-girard
Léa Dubois|Sustainability lead|Operations|Lille|fr,en|2|mastodon:@lea@mastodon.social,blog:https://lea-dubois.example.net>https://lea-dubois.example.net/atom.xml
Nathan Roux|Frontend developer|R&D|Toulouse|fr,en|7,4|github:nroux,mastodon:@nathan@piaille.fr,!x:nathanroux
Inès Benali|HR business partner|HR|Marseille|fr,ar,en|1,6|linkedin:ines-benali
Priya Sharma|Data engineer|R&D|Bangalore|en,hi|3|github:priyasharma,linkedin:priya-sharma,x:priyadata
Oliver Smith|Sales director UK|Sales|London|en|5|linkedin:oliver-smith,x:oliversells
Anna Müller|Cloud consultant|Sales|Berlin|de,en|0,5|linkedin:anna-mueller,mastodon:@anna@chaos.social
Jakub Nowak|Backend developer|R&D|Warsaw|pl,en|4|github:jnowak,bluesky:jakubnowak.bsky.social
Emma Lefèvre|Community manager|Marketing|Paris|fr,en|6,7|instagram:emma.lefevre,tiktok:emmalefevre,linkedin:emma-lefevre
Karim Haddad|Financial controller|Finance|Paris|fr,ar|2|linkedin:karim-haddad
Julie Fontaine|Legal counsel, data protection|Legal|Paris|fr,en|0,3|linkedin:julie-fontaine,mastodon:@juliefontaine@mastodon.social
Marco Bianchi|UX researcher|R&D|Turin|it,en,fr|7|bluesky:marcobianchi.bsky.social,blog:https://marco-ux.example.com>https://marco-ux.example.com/rss.xml
Fatou Ndiaye|Support engineer|Support|Dakar|fr,wo,en|5|linkedin:fatou-ndiaye,x:fatoundiaye
Pierre Lambert|CFO|Finance|Paris|fr,en|2|linkedin:pierre-lambert
Sarah Cohen|Employer branding manager|HR|Lyon|fr,en,he|1|linkedin:sarah-cohen,instagram:sarah.cohen.rh,youtube:https://www.youtube.com/@sarahcohenrh
Lars Andersen|Platform engineer|Operations|Copenhagen|da,en|0,2|mastodon:@lars@fosstodon.org,github:landersen
Maria Silva|Partner manager|Sales|Lisbon|pt,en,es|5|linkedin:maria-silva,!facebook:https://www.facebook.com/maria.silva.demo
Antoine Mercier|Developer advocate|Marketing|Rennes|fr,en|4,3|github:amercier,mastodon:@antoine@mastodon.social,youtube:https://www.youtube.com/@antoinemercier,blog:https://antoine.example.dev>https://antoine.example.dev/index.xml
Zoé Chevalier|Sales engineer|Sales|Nice|fr,en,it|0,5|linkedin:zoe-chevalier
Wei Zhang|Research scientist|R&D|Singapore|zh,en|3|github:weizhang,x:weizhangml
Élodie Garnier|Procurement manager|Operations|Grenoble|fr,de|2|linkedin:elodie-garnier
Omar Farouk|Compliance officer|Legal|Casablanca|ar,fr,en|0|linkedin:omar-farouk
Claire Martin|Head of support|Support|Paris|fr,en|5,6|linkedin:claire-martin,bluesky:clairemartin.bsky.social
Diego Fernández|Growth marketer|Marketing|Barcelona|es,ca,en|5|x:diegogrowth,linkedin:diego-fernandez,!instagram:diego.fernandez
Hannah Schmidt|Accessibility specialist|R&D|Munich|de,en|7,6|mastodon:@hannah@chaos.social,github:hschmidt
Baptiste Roche|Recruiter|HR|Nantes|fr|1|linkedin:baptiste-roche
Aïcha Traoré|Data analyst|Finance|Abidjan|fr,en|3|linkedin:aicha-traore,github:atraore
Noah Williams|Solutions architect|Sales|Montréal|en,fr|0,5|linkedin:noah-williams,bluesky:noahwilliams.bsky.social
"""

# people whose listing waits in the moderation queue (indexes into PEOPLE)
PENDING_MODERATION = {7, 17, 28, 33}
# people who did not consent to be listed at all
NOT_LISTED = {21}

# name | visibility | themes (names) | purpose
# then the chair, committee members and members, by name (people above); externals as
# kind|name|organisation|accounts (platform:value, comma-separated)|owner|consented (yes/no)
NETWORKS: list[dict[str, Any]] = [
    {
        "name": "Cloud security",
        "visibility": "request",
        "themes": ["Cloud security", "Open source"],
        "purpose": "Explain, with our engineers' own voices, how we protect customers' data "
        "in the cloud: architecture, incidents we learnt from, open tools we maintain.",
        "chair": "Hugo Moreau",
        "committee": ["Julie Fontaine", "Anna Müller"],
        "members": ["Lucas Bernard", "Lars Andersen", "Omar Farouk", "Zoé Chevalier"],
        "externals": [
            "client|Marc Dupuis|Banque Horizon|linkedin:marc-dupuis|Zoé Chevalier|yes",
            "journalist|Léa Martin|Le Monde Informatique|mastodon:@leamartin@mastodon.social|Julie Fontaine|yes",
            "analyst|Raj Patel|Northbeam Research|x:rajpatel_data,linkedin:raj-patel|Anna Müller|no",
        ],
    },
    {
        "name": "Talent & culture",
        "visibility": "open",
        "themes": ["Recruiting", "Diversity & inclusion"],
        "purpose": "Show what working here is like, so that the people we want to hire "
        "recognise themselves.",
        "chair": "Chloé Petit",
        "committee": ["Sarah Cohen"],
        "members": ["Inès Benali", "Baptiste Roche", "Emma Lefèvre"],
        "externals": [],
    },
    {
        "name": "Data & AI guild",
        "visibility": "invitation",
        "themes": ["Data & AI"],
        "purpose": "Responsible AI in practice: what we build, measure and refuse to build.",
        "chair": "Amina Diallo",
        "committee": ["Yuki Tanaka"],
        "members": ["Priya Sharma", "Wei Zhang", "Aïcha Traoré"],
        "externals": [],
    },
]
