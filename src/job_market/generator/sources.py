"""The job boards postings come from: their names, shares of the postings and habits."""

SOURCES = ("linkedin", "greenhouse", "lever", "indeed", "workday")
SOURCE_WEIGHTS = (0.35, 0.20, 0.12, 0.20, 0.13)
SOURCE_CUM = tuple(sum(SOURCE_WEIGHTS[:i + 1]) for i in range(len(SOURCE_WEIGHTS) - 1))
# how often a source states the arrangement in workplace_type rather than in the location text
USE_WORKPLACE_PROB = {"linkedin": 0.8, "lever": 0.7, "workday": 0.6, "greenhouse": 0.4,
                      "indeed": 0.3}
# how often a source carries board skill tags
TAG_PROB = {"linkedin": 0.85, "indeed": 0.45, "lever": 0.2, "greenhouse": 0.08, "workday": 0.05}
