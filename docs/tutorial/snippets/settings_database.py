# One transaction per request: a failed publish leaves the old state or the new one.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# SQLite only: each transaction takes the write lock when it starts.
DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE"}
