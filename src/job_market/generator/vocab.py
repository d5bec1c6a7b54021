"""The generator's vocabularies: titles, locations, companies, description sentences, skill spellings."""

# Titles ------------------------------------------------------------------------------------
# bases: plain titles (no level); a trailing "*" marks a base that takes numeral suffixes (I, II, III)
# mgmt: "<X> Engineering"-style heads for manager/director/executive titles
TITLE_FAMILIES = {
    "ai": {
        "bases": ["AI Engineer*", "A.I. Engineer*", "Artificial Intelligence Engineer*", "Generative AI Engineer*",
                  "GenAI Engineer*", "Gen AI Engineer*", "LLM Engineer*", "Applied AI Engineer*",
                  "AI Developer*", "Software Engineer, AI", "Engineer - Generative AI",
                  "Software Engineer, Generative AI", "Software Engineer - LLM",
                  "Generative AI Developer*"],
        "mgmt": ["AI Engineering", "Generative AI Engineering", "Applied AI Engineering",
                 "LLM Engineering"],
    },
    "mle": {
        "bases": ["Machine Learning Engineer*", "ML Engineer*", "Machine-Learning Engineer*",
                  "AI/ML Engineer*", "Deep Learning Engineer*", "Software Engineer, Machine Learning",
                  "Engineer, ML", "Machine Learning Engineer, Generative AI",
                  "Software Engineer (Machine Learning)", "ML Developer*",
                  "Machine Learning Engineer - Ranking"],
        "mgmt": ["Machine Learning Engineering", "ML Engineering", "Deep Learning Engineering"],
    },
    "mlops": {
        "bases": ["MLOps Engineer*", "ML Ops Engineer*", "ML Platform Engineer*",
                  "Machine Learning Platform Engineer*", "ML Infrastructure Engineer*",
                  "Machine Learning Infrastructure Engineer*"],
        "mgmt": ["ML Platform Engineering", "MLOps Engineering"],
    },
    "cv": {
        "bases": ["Computer Vision Engineer*", "CV Engineer*", "Vision Engineer*",
                  "Computer Vision Developer*"],
        "mgmt": ["Computer Vision Engineering"],
    },
    "nlp": {
        "bases": ["NLP Engineer*", "Natural Language Processing Engineer*", "NLP Developer*"],
        "mgmt": ["NLP Engineering"],
    },
    "research_scientist": {
        "bases": ["Research Scientist*", "AI Research Scientist*", "Machine Learning Scientist*",
                  "Research Scientist, Machine Learning", "ML Scientist*", "Deep Learning Scientist*"],
        "mgmt": [],
    },
    "research_engineer": {
        "bases": ["Research Engineer*", "AI Research Engineer*", "ML Research Engineer*",
                  "Machine Learning Research Engineer*", "Research Engineer, Machine Learning"],
        "mgmt": ["Research Engineering"],
    },
    "applied_scientist": {
        "bases": ["Applied Scientist*", "Applied ML Scientist*", "Applied Research Scientist*",
                  "Applied AI Scientist*"],
        "mgmt": [],
    },
    "data_scientist": {
        "bases": ["Data Scientist*", "Data Scientist, Product", "Data Scientist - Ads",
                  "Data Scientist, Marketing"],
        "mgmt": ["Data Science"],
    },
    "data_engineer": {
        "bases": ["Data Engineer*", "Big Data Engineer*", "ETL Developer*", "Data Platform Engineer*",
                  "Software Engineer, Data Platform", "Data Pipeline Engineer*"],
        "mgmt": ["Data Engineering", "Data Platform Engineering"],
    },
    "data_analyst": {
        "bases": ["Data Analyst*", "BI Analyst*", "Business Intelligence Analyst*",
                  "Product Data Analyst*", "Marketing Data Analyst*", "Product Analyst*"],
        "mgmt": [],
    },
    "analytics_engineer": {
        "bases": ["Analytics Engineer*"],
        "mgmt": ["Analytics Engineering"],
    },
    "bi_engineer": {
        "bases": ["BI Engineer*", "BI Developer*", "Business Intelligence Engineer*",
                  "Business Intelligence Developer*", "Power BI Developer*", "Tableau Developer*"],
        "mgmt": ["BI Engineering", "Business Intelligence Engineering"],
    },
    "data_architect": {
        "bases": ["Data Architect*", "Big Data Architect*", "Data Warehouse Architect*",
                  "Data Platform Architect*", "Enterprise Data Architect*"],
        "mgmt": [],
    },
    "prompt": {
        "bases": ["Prompt Engineer*", "AI Prompt Engineer*", "Prompt Engineering Specialist*"],
        "mgmt": [],
    },
}

LEVEL_FORMS = {
    # "{b}" plain base, "{n}" base that takes numeral suffixes, "{m}" management head
    "intern": ["{b} Intern", "{b} Internship", "Intern - {b}", "Summer Intern, {b}", "{b} Co-op"],
    "entry": ["Junior {b}", "Jr. {b}", "Entry Level {b}", "Associate {b}", "Graduate {b}",
              "{b} - New Grad", "{n} I", "{b} (New Grad)", "New Grad {b}"],
    "mid": ["{n} II", "Mid-Level {b}", "{b} (Mid-Level)"],
    "senior": ["Senior {b}", "Sr. {b}", "Sr {b}", "{n} III", "Senior {b}", "Snr {b}"],
    "staff": ["Staff {b}", "Senior Staff {b}", "{n} IV"],
    "principal": ["Principal {b}", "Distinguished {b}"],
    "lead": ["Lead {b}", "Tech Lead, {b}", "{n} Lead", "Team Lead - {b}"],
    "manager": ["{m} Manager", "Manager, {m}", "Senior Manager, {m}", "{m} Mgr"],
    "director": ["Director of {m}", "Head of {m}", "Director, {m}", "Senior Director, {m}",
                 "Associate Director, {m}"],
    "executive": ["VP of {m}", "VP, {m}", "Vice President, {m}"],
    "unspecified": ["{b}"],
}
# levels that can come from the board field on a plain title, with the board words
BOARD_FORMS = {
    "intern": ["Internship"],
    "entry": ["Entry level", "Associate", "Entry Level"],
    "mid": ["Mid-Senior level", "Mid-Senior Level", "Mid level"],
    "director": ["Director"],
    "executive": ["Executive"],
}
BOARD_VALUES_ANY = ["Entry level", "Mid-Senior level", "Associate", "Director", "Internship",
                    "Executive", "Not Applicable"]

TITLE_DECORATIONS = [", Platform Team", " - Search", ", Growth", " - Payments", ", Trust & Safety",
                     " (Contract)", " - Core Product"]

UNRELATED_TITLES = {
    "swe": ["Software Engineer", "Backend Engineer", "Frontend Developer", "Full Stack Developer",
            "iOS Developer", "Android Developer", "DevOps Engineer", "Site Reliability Engineer",
            "QA Engineer", "Platform Engineer", "Cloud Engineer", "Security Engineer",
            "Embedded Software Engineer", "Solutions Architect", "Software Developer",
            "Mobile Engineer", "Network Engineer", "Systems Administrator"],
    "health": ["Registered Nurse", "Nurse Practitioner", "Medical Assistant", "Pharmacist",
               "Physical Therapist", "Dental Hygienist", "Licensed Practical Nurse"],
    "sales": ["Sales Associate", "Account Executive", "Sales Development Representative",
              "Retail Store Manager", "Customer Success Manager", "Business Development Manager",
              "Inside Sales Representative"],
    "marketing": ["Marketing Director", "Marketing Manager", "Content Writer", "SEO Specialist",
                  "Brand Manager", "Social Media Coordinator", "Growth Marketer"],
    "business": ["Product Manager", "Project Manager", "Program Manager", "Operations Manager",
                 "Business Analyst", "Financial Analyst", "Accountant", "HR Generalist",
                 "Recruiter", "Office Manager", "UX Designer", "Graphic Designer",
                 "Technical Writer", "Mechanical Engineer", "Civil Engineer", "Electrician",
                 "Truck Driver", "Warehouse Associate", "Customer Service Representative",
                 "Teacher", "Paralegal", "Executive Assistant"],
    # near misses: look like data/AI jobs, match no role pattern
    "trap": ["Machine Learning Recruiter", "Technical Recruiter, AI", "AI Product Manager",
             "Product Manager, Machine Learning", "Sales Engineer", "Data Center Technician",
             "AI Sales Specialist", "Machine Operator", "Data Entry Clerk", "Learning Engineer",
             "AI Trainer", "Data Governance Specialist", "Engineering Manager, Machine Learning",
             "Solutions Consultant, Generative AI", "AI Ethicist", "Data Protection Officer"],
}
UNRELATED_PREFIXES = ["", "", "", "", "Senior ", "Junior ", "Lead ", "Staff ", "Principal "]

# Locations -----------------------------------------------------------------------------------
LOCATIONS = {
    "US": ["San Francisco, CA", "New York, NY", "New York, NY 10001", "Seattle, WA",
           "Austin, Texas, United States", "Austin, TX", "Boston, MA", "Cambridge, MA",
           "Chicago, IL", "Mountain View, CA", "Palo Alto, California", "Sunnyvale, CA",
           "Los Angeles, CA", "San Diego, CA", "Denver, CO", "Atlanta, GA", "Pittsburgh, PA",
           "Washington, DC", "Redmond, WA", "Raleigh, NC", "Miami, FL", "Dallas, TX",
           "Houston, Texas", "Menlo Park, CA", "New York City", "NYC", "United States", "USA",
           "Fort Wayne, IN", "Greater Seattle Area", "US-CA-San Francisco", "US-NY-New York",
           "Salt Lake City, UT", "Phoenix, AZ", "Columbus, OH", "Nashville, TN",
           "Minneapolis, MN", "Philadelphia, PA", "Portland, OR", "San Jose, CA",
           "SF Bay Area", "San Francisco, California, United States"],
    "IN": ["Bengaluru, Karnataka, India", "Bangalore, IN", "Bangalore, Karnataka", "Hyderabad",
           "Hyderabad, Telangana, India", "Pune, Maharashtra, India", "Mumbai, India",
           "Gurugram, Haryana, India", "Gurgaon, India", "Chennai, Tamil Nadu",
           "Noida, Uttar Pradesh, India", "New Delhi, India", "IND-Bangalore", "India"],
    "GB": ["London, UK", "London, England, United Kingdom", "Manchester, United Kingdom",
           "Edinburgh, Scotland, United Kingdom", "Cambridge, UK", "Bristol, England", "London",
           "United Kingdom"],
    "CA": ["Toronto, ON, Canada", "Toronto, Ontario", "Vancouver, BC",
           "Vancouver, British Columbia, Canada", "Montreal, QC, Canada", "Waterloo, ON",
           "Ottawa, Ontario, Canada", "Calgary, Alberta"],
    "DE": ["Berlin, Germany", "Munich, Bavaria, Germany", "Berlin, DE", "Hamburg, Germany",
           "Frankfurt, Germany", "Munich"],
    "FR": ["Paris, France", "Lyon, France", "Paris"],
    "NL": ["Amsterdam, Netherlands", "Amsterdam, North Holland, Netherlands", "Amsterdam, NL",
           "Rotterdam, Netherlands", "Eindhoven, The Netherlands"],
    "SG": ["Singapore", "Singapore, Singapore"],
    "AU": ["Sydney, NSW, Australia", "Melbourne, VIC", "Sydney, Australia",
           "Brisbane, QLD, Australia"],
    "IL": ["Tel Aviv, Israel", "Tel Aviv-Yafo, Tel Aviv District, Israel", "Haifa, IL",
           "Herzliya, Israel"],
    "IE": ["Dublin, Ireland", "Dublin, IE", "Cork, Ireland"],
    "CH": ["Zurich, Switzerland", "Zurich, CH", "Geneva, Switzerland"],
    "ES": ["Madrid, Spain", "Barcelona, Spain"],
    "PL": ["Warsaw, Poland", "Krakow, Poland", "Wroclaw, Poland"],
    "SE": ["Stockholm, Sweden"],
    "JP": ["Tokyo, Japan"],
    "AE": ["Dubai, United Arab Emirates", "Abu Dhabi, UAE"],
    "BR": ["Sao Paulo, Brazil", "Rio de Janeiro, Brazil"],
    None: ["Anywhere", "Worldwide", "EMEA"],
}
# forms that already say remote
REMOTE_LOCATIONS = {
    "US": ["Remote - US", "United States (Remote)", "Remote, USA", "Remote (US)", "US Remote",
           "Remote | United States"],
    "IN": ["Remote - India", "India (Remote)"],
    "GB": ["Remote - UK", "United Kingdom (Remote)"],
    "CA": ["Remote - Canada"],
    "DE": ["Remote - Germany"],
    None: ["Remote", "Remote (Global)", "Remote - Worldwide"],
}
LOCATION_KEYWORD_FORMS = {
    "remote": ["{l} (Remote)", "Remote - {l}"],
    "hybrid": ["{l} (Hybrid)", "Hybrid - {l}"],
    "onsite": ["{l} (Onsite)"],
}
WORKPLACE_FORMS = {
    ("remote",): ["Remote", "remote", "Fully remote", "REMOTE", "Remote", "Work from home"],
    ("hybrid",): ["Hybrid", "hybrid", "HYBRID", "Hybrid", "Flexible hybrid"],
    ("onsite",): ["On-site", "Onsite", "On site", "In office", "onsite", "On-Site", "On-site"],
    ("hybrid", "remote"): ["Remote or Hybrid", "Hybrid / Remote", "Remote, Hybrid"],
    ("hybrid", "onsite"): ["Hybrid / On-site", "On-site or Hybrid", "Hybrid, Onsite"],
    ("onsite", "remote"): ["Remote or On-site", "On-site / Remote"],
}
COMPANIES = [
    "Acme Analytics", "Nimbus Labs", "Orbital Systems", "Bluefin Health", "Quantive",
    "Northwind Traders", "Helix Bio", "Lumen Robotics", "Cobalt Financial", "Pioneer Retail",
    "Sequoia Logistics", "Vantage Media", "Aurora Mobility", "Granite Insurance", "Kestrel AI",
    "Mosaic Commerce", "Polaris Energy", "Redwood Software", "Summit Bank", "Tidal Games",
    "Umbra Security", "Verdant Foods", "Wavelength Networks", "Zephyr Travel", "Atlas Cloud",
    "Beacon Learning", "Cascade Semiconductors", "Delta Dynamics", "Ember Studios",
    "Fathom Research", "Golden Gate Capital", "Harbor Freight Lines", "Ion Batteries",
    "Juniper Care", "Kite Payments", "Lighthouse Data", "Meridian Telecom", "Nova Pharma",
    "Onyx Manufacturing", "Prism Labs", "Quarry Materials", "Radiant Solar", "Sable Legal",
    "Tandem Health", "Upland Farms", "Vector Motors", "Willow Hospitality", "Xenon Devices",
    "Yardstick Metrics", "Zenith Aerospace", "Parallel Minds", "Cedar Street Hospital",
    "Brightside Schools", "Ironclad Logistics", "Silverline Retail", "Copperleaf Systems",
]

# Descriptions ----------------------------------------------------------------------------------
# Filler sentences: no alias of any skill (checked at import), and their first/last words belong
# to no alias, so neighbouring sentences can never form an alias across the boundary.
GENERAL_FILLER = [
    "We are a fast-growing company with offices on three continents.",
    "Our team values clear writing, thoughtful reviews, and kind feedback.",
    "You will work closely with product managers, designers, and customers.",
    "We offer generous parental leave and a flexible vacation policy.",
    "Our benefits include medical, dental, and vision coverage for you and your family.",
    "We believe diverse teams build better products.",
    "You will help shape the roadmap and mentor other engineers.",
    "We publish our work and contribute to open source projects.",
    "We care deeply about reliability, security, and user privacy.",
    "Our customers include startups and large enterprises across many industries.",
    "You will own projects from the first sketch to the final launch.",
    "We hold a weekly demo day where everyone shares progress.",
    "We are an equal opportunity employer and welcome applicants of every background.",
    "You will write design documents and review code from peers.",
    "We move quickly but never at the expense of quality.",
    "Our mission is to make complex work feel simple.",
    "You will partner with sales and support to understand customer needs.",
    "The interview process has four short conversations and one take-home exercise.",
    "Relocation assistance is available for this position.",
    "You will improve internal tools that make every team faster.",
    "We value curiosity, ownership, and humility.",
    "Our office has free lunch on Tuesdays and Thursdays.",
    "Strong written and verbal communication skills are essential.",
    "You will debug tricky production issues and write clear postmortems.",
    "We are backed by leading investors and are growing steadily.",
    "Everyone on the team gets a new laptop and a home office stipend.",
    "You will help define coding standards and best practices.",
    "We ship small changes often and measure the results carefully.",
    "Candidates from non-traditional backgrounds are encouraged to apply.",
    "Our leadership team meets with every new hire in the first month.",
    "The team is small, experienced, and highly collaborative.",
    "You will balance short-term delivery with long-term design.",
    "We take on-call seriously and keep rotations humane.",
    "Accommodations are available on request during the hiring process.",
    "You will present findings to executives and non-technical partners.",
    "We track our goals openly and celebrate wins together.",
    "Our headquarters sits next to a park and a train station.",
    "You will join a friendly group of builders who love hard problems.",
    "We encourage people to take real time off every year.",
    "Hiring decisions are based on merit, business need, and values.",
    "You will collaborate with colleagues in several time zones.",
    "We offer a retirement plan with a company match.",
    "Most of our roadmap comes from direct conversations with customers.",
    "You will have the autonomy to choose how problems get solved.",
    "We document decisions so that anyone can catch up quickly.",
    "Our culture rewards clarity, candor, and follow-through.",
    "Wellness stipends, commuter benefits, and gym discounts are included.",
    "You will help us grow a welcoming and inclusive workplace.",
    "We review compensation twice a year.",
    "Please apply even if you do not meet every single requirement.",
]
FAMILY_FILLER = {
    "ai": [
        "You will turn research prototypes into dependable product features.",
        "Our assistants answer millions of customer questions every week.",
        "You will design evaluation suites that catch regressions early.",
        "You will work on retrieval quality, latency, and cost.",
        "Our product helps lawyers, doctors, and analysts draft documents faster.",
        "You will iterate with designers on conversational user experiences.",
    ],
    "ml": [
        "You will train models on large datasets and ship them to production.",
        "You will improve ranking quality for our search and feed products.",
        "Our models serve billions of predictions every day.",
        "You will work with scientists to bring new ideas into production.",
        "You will own model quality from offline metrics to online impact.",
        "Our fraud detection models protect millions of accounts.",
    ],
    "data": [
        "You will build dashboards that leaders use every morning.",
        "You will help teams answer questions with trustworthy numbers.",
        "Our platform ingests billions of events every day.",
        "You will define metrics and keep them consistent across teams.",
        "You will partner with finance and operations on reporting.",
    ],
    "research": [
        "You will publish at top venues and turn ideas into products.",
        "Our lab collaborates with leading universities.",
        "You will design careful studies and share results openly.",
        "You will explore new methods and test them at scale.",
    ],
    "other": [
        "You will provide excellent service to every customer.",
        "This is a full schedule position with occasional weekend shifts.",
        "You will keep accurate records and follow established procedures.",
        "Our team serves clients across the region.",
        "You will coordinate with colleagues to meet daily targets.",
        "Previous experience in a similar position is preferred.",
    ],
}
INTROS = {
    "ai": ["We are hiring to build products on top of foundation models.",
           "Join the group that builds our assistant and its retrieval layer.",
           "You will build the features that put large models in front of customers."],
    "ml": ["We are hiring to train, deploy and operate models in production.",
           "Join the team that owns ranking and personalization.",
           "You will build the systems that train and serve our models."],
    "data": ["We are hiring to grow our data and analytics team.",
             "Join the team that owns our warehouse and reporting.",
             "You will turn raw data into decisions."],
    "research": ["Join our research organization.",
                 "We are hiring researchers who want their work to ship."],
    "other": ["We are hiring for this position at one of our locations.",
              "Join our growing team.",
              "We are looking for a reliable and motivated person to join us."],
}
FAMILY_GROUP = {
    "ai": "ai", "prompt": "ai", "mle": "ml", "mlops": "ml", "cv": "ml", "nlp": "ml",
    "research_scientist": "research", "research_engineer": "research", "applied_scientist": "research",
    "data_scientist": "data", "data_engineer": "data", "data_analyst": "data",
    "analytics_engineer": "data", "bi_engineer": "data", "data_architect": "data",
}
# Deliberate traps: only text-disallowed aliases (react, cv, go, node, c, spring, r, ts) or look-alike
# words (sparkling, goals, scalable, monitor, reinforcement of); they must produce no skill.
TRAP_SENTENCES = [
    "The team will react to feedback quickly.",
    "Please send your CV along with a short note.",
    "We go the extra mile for our customers.",
    "Each node in our graph represents a customer account.",
    "We always keep a plan C in our back pocket.",
    "Our spring offsite is a highlight of the year.",
    "Our R&D group sits next door.",
    "A TS/SCI clearance is not required.",
    "Our office has sparkling water and great coffee.",
    "Goals are shared every quarter.",
    "We value scalable processes and simple tools.",
    "We monitor our own happiness with a quarterly survey.",
    "We practice positive reinforcement of good habits.",
]
MENTION_TEMPLATES = [
    "Experience with {} is required.",
    "Hands-on experience with {}.",
    "You should be comfortable working with {}.",
    "Familiarity with {} is a plus.",
    "Our stack includes {}.",
    "Bonus points for {}.",
    "Strong background in {}.",
    "You will use {} every day.",
    "Knowledge of {} is expected.",
]
BULLET_TEMPLATES = ["{}", "{}", "Experience with {}", "Working knowledge of {}"]
SINGLE_MENTION_TEMPLATE = "Experience with {} is expected."
JAVASCRIPT_TRAP = "We write JavaScript, not Java, on the front end."  # only where both skills are meant

# Display spellings for text mentions (alias -> how it is written); default: the alias itself,
# or the canonical skill name when they tokenize alike.
TEXT_DISPLAY = {
    "pyspark": "PySpark", "sklearn": "sklearn", "k8s": "k8s", "scikit-learn": "scikit-learn",
    "node.js": "Node.js", "nodejs": "NodeJS", "c++": "C++", "c#": "C#", ".net": ".NET",
    "ci/cd": "CI/CD", "a/b testing": "A/B testing", "aws": "AWS", "gcp": "GCP",
    "amazon web services": "Amazon Web Services", "llms": "LLMs", "llm": "LLM",
    "large language models": "large language models", "rag": "RAG",
    "retrieval-augmented generation": "retrieval-augmented generation",
    "openai": "OpenAI", "openai api": "OpenAI API", "chatgpt": "ChatGPT", "gpt-4": "GPT-4",
    "huggingface": "HuggingFace", "hugging face": "Hugging Face", "pytorch": "PyTorch",
    "tensorflow": "TensorFlow", "tf2": "TF2", "ml": "ML", "ml ops": "ML Ops", "mlops": "MLOps",
    "nlp": "NLP", "sql": "SQL", "t-sql": "T-SQL", "fastapi": "FastAPI", "mlflow": "MLflow",
    "javascript": "JavaScript", "typescript": "TypeScript", "golang": "Golang",
    "react.js": "React.js", "reactjs": "ReactJS", "r programming": "R programming",
    "rstudio": "RStudio", "jax": "JAX", "numpy": "NumPy", "xgboost": "XGBoost",
    "lightgbm": "LightGBM", "cuda": "CUDA", "onnx": "ONNX", "tensorrt": "TensorRT",
    "opencv": "OpenCV", "spacy": "spaCy", "langchain": "LangChain", "llamaindex": "LlamaIndex",
    "llama index": "Llama Index", "postgresql": "PostgreSQL", "mysql": "MySQL",
    "mongodb": "MongoDB", "nosql": "NoSQL", "graphql": "GraphQL", "bigquery": "BigQuery",
    "dbt": "dbt", "etl": "ETL", "power bi": "Power BI", "powerbi": "PowerBI",
    "github": "GitHub", "gitlab": "GitLab", "rlhf": "RLHF", "lora": "LoRA", "genai": "GenAI",
    "gen ai": "Gen AI", "vector db": "vector DB", "vector dbs": "vector DBs",
    "rest apis": "REST APIs", "restful apis": "RESTful APIs", "rest api": "REST API",
    "restful api": "RESTful API", "apis": "APIs", "sagemaker": "SageMaker",
    "amazon sagemaker": "Amazon SageMaker", "vertex ai": "Vertex AI", "wandb": "wandb",
    "weights & biases": "Weights & Biases", "asp.net": "ASP.NET", "dotnet": "dotnet",
    "csharp": "CSharp", "cpp": "cpp", "ansi c": "ANSI C", "c programming": "C programming",
    "gcp": "GCP", "redshift": "Redshift", "databricks": "Databricks", "snowflake": "Snowflake",
    "kubeflow": "Kubeflow", "recsys": "RecSys", "python3": "Python3", "python 3": "Python 3",
    "ecmascript": "ECMAScript", "java script": "Java Script",
}
# text spellings never used: bare "api" right after an OpenAI mention would read "openai api"
TEXT_ALIAS_EXCLUDE = {"api"}
TAG_PRETTY = {"pyspark": "PySpark", "sklearn": "Sklearn", "k8s": "K8s", "huggingface": "HuggingFace",
              "tensorflow": "Tensorflow", "pytorch": "Pytorch", "gcp": "GCP", "aws": "AWS",
              "hugging face": "Hugging Face", "node.js": "Node.JS", "c++": "C++", "ml": "ML",
              "llms": "LLMs", "genai": "GenAI", "golang": "GoLang", "postgres": "Postgres",
              "nlp": "NLP", "cv": "CV", "hf": "HF", "tf": "TF", "js": "JS", "ts": "TS"}
NOISE_TAGS = ["Communication", "Problem Solving", "Teamwork", "Leadership", "Mentoring",
              "Stakeholder Management", "English", "Attention to Detail", "Time Management"]
