// Generated from docs/openapi.json by libs/sdk/scripts/generate-types.mjs (`npx nx run sdk:generate`).
// Do not edit: change the contracts, run `npm run openapi`, then regenerate.

export interface paths {
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description Requires one of the scopes: admin (or `admin`).
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key
         * @description The full key is in `api_key` of this response only; the gateway stores a salted hash.
         *
         *     Requires one of the scopes: admin (or `admin`).
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an API key
         * @description Requires one of the scopes: admin (or `admin`).
         */
        get: operations["getApiKey"];
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Every gateway instance rejects the key within one second.
         *
         *     Requires one of the scopes: admin (or `admin`).
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate an API key
         * @description Issues a new secret for the same key id; the previous secret keeps working until `previous_secret_valid_until`.
         *
         *     Requires one of the scopes: admin (or `admin`).
         */
        post: operations["rotateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit log entries
         * @description Admin actions and authentication failures, newest first, filterable.
         *
         *     Requires one of the scopes: admin (or `admin`).
         */
        get: operations["listAuditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List agents
         * @description Deregistered agents are listed only with `status=deregistered`.
         *
         *     Requires one of the scopes: agents:read (or `admin`).
         */
        get: operations["listAgents"];
        put?: never;
        /**
         * Register an agent
         * @description With `public_key` (an Ed25519 public key, base64url of its raw 32 bytes), every `complete` and `fail` report of the agent must carry a signature made with the matching private key.
         *
         *     Requires one of the scopes: agents:write (or `admin`).
         */
        post: operations["registerAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Agents per status
         * @description The whole fleet, as every `agents:read` key sees it: one grouped count, never a page of agents.
         *
         *     Requires one of the scopes: agents:read (or `admin`).
         */
        get: operations["getAgentStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an agent with its load, metrics and trust score
         * @description Combines the agent with its load and metrics (agent-service) and its trust (trust-service), exactly as `GET /v1/agents/{id}/trust` answers it; `trust` is null until trust-service has seen the registration.
         *
         *     Requires one of the scopes: agents:read (or `admin`).
         */
        get: operations["getAgent"];
        put?: never;
        post?: never;
        /**
         * Deregister an agent
         * @description Routing stops sending it work; its record stays readable with status `deregistered`.
         *
         *     Requires one of the scopes: agents:write (or `admin`).
         */
        delete: operations["deregisterAgent"];
        options?: never;
        head?: never;
        /**
         * Change an agent’s profile
         * @description Routing uses the new tags, capabilities and concurrency limit for its next decisions. A new `public_key` replaces the agent’s key (rotation): reports reaching task-service once it has learned of the change are verified with the new key only. Only the owning client’s `agents:write` keys and admins may change an agent; its own `agent:work` key may not.
         *
         *     Requires one of the scopes: agents:write (or `admin`).
         */
        patch: operations["updateAgent"];
        trace?: never;
    };
    "/v1/agents/{id}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report that an agent is alive
         * @description An `agent:work` key may only heartbeat its own agent. An offline agent comes back online (or draining, if it was draining).
         *
         *     Requires one of the scopes: agents:write, agent:work (or `admin`).
         */
        post: operations["heartbeatAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}/drain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Drain an agent
         * @description The agent finishes its current tasks and receives no new ones. An `agent:work` key may only drain its own agent.
         *
         *     Requires one of the scopes: agents:write, agent:work (or `admin`).
         */
        post: operations["drainAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End an agent’s drain
         * @description A draining agent takes new tasks again (an offline one will, once its heartbeats return). An `agent:work` key may only resume its own agent.
         *
         *     Requires one of the scopes: agents:write, agent:work (or `admin`).
         */
        post: operations["resumeAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/strategies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the agent selection strategies
         * @description Requires one of the scopes: tasks:read, tasks:write (or `admin`).
         */
        get: operations["listRoutingStrategies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/policies/{taskType}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the default strategy of a task type
         * @description Requires one of the scopes: tasks:read, tasks:write (or `admin`).
         */
        get: operations["getRoutingPolicy"];
        /**
         * Set the default strategy of a task type
         * @description Applies to the caller’s tasks of this type that name no strategy themselves.
         *
         *     Requires one of the scopes: tasks:write (or `admin`).
         */
        put: operations["putRoutingPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dispatch queue depth and backpressure state
         * @description Requires one of the scopes: admin (or `admin`).
         */
        get: operations["getRoutingQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List schedules
         * @description Requires one of the scopes: schedules:read (or `admin`).
         */
        get: operations["listSchedules"];
        put?: never;
        /**
         * Create a cron schedule
         * @description An invalid cron expression or time zone, one firing more often than the minimum interval, or a `template_id` or `depends_on` task that does not exist (for this client) is answered 422. A run whose task cannot be created when it fires fails with outcome `task_not_created` and its reason.
         *
         *     Requires one of the scopes: schedules:write (or `admin`).
         */
        post: operations["createSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a schedule with its run statistics
         * @description Requires one of the scopes: schedules:read (or `admin`).
         */
        get: operations["getSchedule"];
        put?: never;
        post?: never;
        /**
         * Delete a schedule and its run history
         * @description Requires one of the scopes: schedules:write (or `admin`).
         */
        delete: operations["deleteSchedule"];
        options?: never;
        head?: never;
        /**
         * Change a schedule
         * @description Changing the cron expression, time zone or window recomputes the next fire time from now. A new `template_id` or `depends_on` is checked as on creation.
         *
         *     Requires one of the scopes: schedules:write (or `admin`).
         */
        patch: operations["updateSchedule"];
        trace?: never;
    };
    "/v1/schedules/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a schedule
         * @description Requires one of the scopes: schedules:write (or `admin`).
         */
        post: operations["pauseSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused schedule
         * @description Fire times that passed while paused are not fired; the next one is computed from now.
         *
         *     Requires one of the scopes: schedules:write (or `admin`).
         */
        post: operations["resumeSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/trigger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a schedule now
         * @description Fires once now, also when paused; counts toward max_runs (409 once they are used up) and ignores the overlap policy.
         *
         *     Requires one of the scopes: schedules:write (or `admin`).
         */
        post: operations["triggerSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a schedule's runs
         * @description Requires one of the scopes: schedules:read (or `admin`).
         */
        get: operations["listScheduleRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tasks
         * @description Requires one of the scopes: tasks:read (or `admin`).
         */
        get: operations["listTasks"];
        put?: never;
        /**
         * Create a task
         * @description Accepts an `Idempotency-Key` header: the same key and body within 24 h returns the original response; the same key with another body is a 422.
         *
         *     Requires one of the scopes: tasks:write (or `admin`).
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create up to 1,000 tasks at once, all or nothing
         * @description Accepts an `Idempotency-Key` header: the same key and body within 24 h returns the original response; the same key with another body is a 422.
         *
         *     Requires one of the scopes: tasks:write (or `admin`).
         */
        post: operations["createTaskBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts per state, queue depth per priority and the last hour’s throughput
         * @description The caller’s own tasks; an `admin` key gets every client’s. Counts stop at 100,000 per state. The answer may be up to a few seconds old (`generated_at`).
         *
         *     Requires one of the scopes: tasks:read (or `admin`).
         */
        get: operations["getTaskStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task with its attempts
         * @description Requires one of the scopes: tasks:read (or `admin`).
         */
        get: operations["getTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a task
         * @description Requires one of the scopes: tasks:write (or `admin`).
         */
        post: operations["cancelTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a failed, timed-out or dead-lettered task again with a fresh retry budget
         * @description Requires one of the scopes: tasks:write (or `admin`).
         */
        post: operations["retryTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/task-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List task templates
         * @description Requires one of the scopes: tasks:read (or `admin`).
         */
        get: operations["listTemplates"];
        put?: never;
        /**
         * Create a task template
         * @description Accepts an `Idempotency-Key` header: the same key and body within 24 h returns the original response; the same key with another body is a 422.
         *
         *     Requires one of the scopes: tasks:write (or `admin`).
         */
        post: operations["createTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/task-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task template
         * @description Requires one of the scopes: tasks:read (or `admin`).
         */
        get: operations["getTemplate"];
        put?: never;
        post?: never;
        /**
         * Delete a task template (tasks made from it stay)
         * @description Refused (409) while a schedule uses the template: change or delete those schedules first (`GET /v1/schedules?template_id=`).
         *
         *     Requires one of the scopes: tasks:write (or `admin`).
         */
        delete: operations["deleteTemplate"];
        options?: never;
        head?: never;
        /**
         * Change a task template
         * @description Requires one of the scopes: tasks:write (or `admin`).
         */
        patch: operations["updateTemplate"];
        trace?: never;
    };
    "/v1/task-templates/{id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a task from a template with overrides
         * @description Accepts an `Idempotency-Key` header: the same key and body within 24 h returns the original response; the same key with another body is a 422.
         *
         *     Requires one of the scopes: tasks:write (or `admin`).
         */
        post: operations["instantiateTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/task-chains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a chain of tasks that run in sequence
         * @description Accepts an `Idempotency-Key` header: the same key and body within 24 h returns the original response; the same key with another body is a 422.
         *
         *     Requires one of the scopes: tasks:write (or `admin`).
         */
        post: operations["createChain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/task-chains/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a chain with per-step status and results
         * @description Requires one of the scopes: tasks:read (or `admin`).
         */
        get: operations["getChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/task-chains/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a chain and its running step
         * @description Requires one of the scopes: tasks:write (or `admin`).
         */
        post: operations["cancelChain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agentId}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Long-poll for tasks assigned to this agent, optionally starting them at once
         * @description Requires one of the scopes: agent:work (or `admin`).
         */
        post: operations["claimTasks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agentId}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Receive this agent’s assignments as they happen, started, on a stream of server-sent events
         * @description A `text/event-stream` that stays open. Whenever tasks are assigned to the agent and it has a free slot (`slots` minus the tasks it is running), they are claimed and started exactly as by a claim with `start: true`, and each is sent as one event: `event: assignment`, `id: <task id>:<attempt>`, `data:` the task (as a claim returns it). A comment line (`: keep-alive`) comes every 15 s. A task whose event could not be written (the connection was gone) is queued again at once for routing. One stream per agent: a newer one ends the older. Long-polling `claim` stays available; an agent uses one or the other.
         *
         *     Requires one of the scopes: agent:work (or `admin`).
         */
        get: operations["streamAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agentId}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send many reports (start, progress, complete, fail) on this agent’s tasks at once
         * @description Each report is applied or refused on its own and answered in `data` at its index, with the status it would have had alone and a problem when refused (400 malformed or unstorable, 403/404 not this agent’s, 409 stale, 422 `signature-required` / `signature-invalid`, 503 signing key not known yet). The applied reports commit together. Sending the same batch again applies nothing twice: a start, complete or fail this agent already made is answered `already_applied`. An agent with a public key signs each complete and fail report as on the single-task routes.
         *
         *     Requires one of the scopes: agent:work (or `admin`).
         */
        post: operations["reportTaskBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report that the assigned agent started the task
         * @description Requires one of the scopes: agent:work (or `admin`).
         */
        post: operations["startTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report progress and renew the lease
         * @description Requires one of the scopes: agent:work (or `admin`).
         */
        post: operations["reportTaskProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report the task’s result
         * @description An agent with a public key must sign the report: `signature` is the base64url Ed25519 signature of `ains-report-v1\n<complete|fail>\n<task id>\n<attempt>\n<canonical JSON of the result, or of { error, retryable }>` (see docs/sdk.md), verified before anything is applied and kept with the attempt.
         *
         *     Requires one of the scopes: agent:work (or `admin`).
         */
        post: operations["completeTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report that the attempt failed
         * @description An agent with a public key must sign the report: `signature` is the base64url Ed25519 signature of `ains-report-v1\n<complete|fail>\n<task id>\n<attempt>\n<canonical JSON of the result, or of { error, retryable }>` (see docs/sdk.md), verified before anything is applied and kept with the attempt.
         *
         *     Requires one of the scopes: agent:work (or `admin`).
         */
        post: operations["failTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}/trust": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an agent's trust score
         * @description Score, tier, success rate over the performance-bonus window, task counts and the last changes.
         *
         *     Requires one of the scopes: trust:read (or `admin`).
         */
        get: operations["getAgentTrust"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}/trust/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Page through an agent's trust audit trail
         * @description Records newest first, optionally within a time range, with the score trend over 24 hours, 7 days and 30 days.
         *
         *     Requires one of the scopes: trust:read (or `admin`).
         */
        get: operations["getAgentTrustHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{id}/trust/override": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set or shift an agent's trust score by hand
         * @description Exactly one of `score` and `delta`, with a mandatory reason; recorded in the audit trail with the API key that made it.
         *
         *     Requires one of the scopes: trust:admin (or `admin`).
         */
        post: operations["overrideAgentTrust"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trust/leaderboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The most trusted agents
         * @description Top agents by score, optionally of one tier or carrying one tag; deregistered agents are left out. Cached for one minute.
         *
         *     Requires one of the scopes: trust:read (or `admin`).
         */
        get: operations["getTrustLeaderboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description Requires one of the scopes: webhooks:read (or `admin`).
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook endpoint
         * @description The destination must resolve to a public address. The response carries the signing secret; it is never shown again.
         *
         *     Requires one of the scopes: webhooks:write (or `admin`).
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook endpoint
         * @description Requires one of the scopes: webhooks:read (or `admin`).
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint and its delivery log
         * @description Requires one of the scopes: webhooks:write (or `admin`).
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Change a webhook endpoint
         * @description Enabling a disabled endpoint clears its failure record; its dead-lettered deliveries can then be recovered.
         *
         *     Requires one of the scopes: webhooks:write (or `admin`).
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Deliveries are signed with both the new and the previous secret until the overlap ends.
         *
         *     Requires one of the scopes: webhooks:write (or `admin`).
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deliveries to an endpoint
         * @description Requires one of the scopes: webhooks:read (or `admin`).
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a delivery with every attempt
         * @description Requires one of the scopes: webhooks:read (or `admin`).
         */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a finished delivery again
         * @description Same `webhook-id`, a fresh retry schedule. Refused (409) while the delivery is pending or the endpoint is disabled.
         *
         *     Requires one of the scopes: webhooks:write (or `admin`).
         */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resend every dead-lettered delivery since a time
         * @description Requires one of the scopes: webhooks:write (or `admin`).
         */
        post: operations["recoverWebhookDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            errors?: {
                field: string;
                message: string;
            }[];
            request_id?: string;
        };
    };
    responses: {
        /** @description Invalid input (a malformed body counts, as does text holding a NUL character or an unpaired UTF-16 surrogate); `errors` names every failing field. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://ains.dev/problems/validation-error",
                 *       "title": "Invalid request",
                 *       "status": 400,
                 *       "detail": "The request has 1 invalid field.",
                 *       "errors": [
                 *         {
                 *           "field": "display_name",
                 *           "message": "Too small: expected string to have >=1 characters"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No API key, or one that is malformed, unknown, expired or revoked (the answer does not say which). */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://ains.dev/problems/unauthenticated",
                 *       "title": "Unauthenticated",
                 *       "status": 401,
                 *       "detail": "A valid API key is required."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The key lacks the scope this operation needs, or an agent key names another agent. Also `address-not-allowed` (from the gateway, before the request goes further): the API key has `allowed_cidrs` and the request came from an address outside them. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://ains.dev/problems/forbidden",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "This API key lacks the scope this operation needs (one of: tasks:write)."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource for this client (other tenants' ids are not found either). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://ains.dev/problems/not-found",
                 *       "title": "Not found",
                 *       "status": 404,
                 *       "detail": "Agent 5f0c6f9e-8a5b-4a55-9f4e-2b1d6a3c9e10 was not found."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than the gateway accepts (HTTP_BODY_LIMIT_BYTES). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://ains.dev/problems/payload-too-large",
                 *       "title": "Payload too large",
                 *       "status": 413,
                 *       "detail": "The request body is larger than this server accepts."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not sent as `application/json`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://ains.dev/problems/unsupported-media-type",
                 *       "title": "Unsupported media type",
                 *       "status": 415,
                 *       "detail": "Send the request body as JSON, with the header Content-Type: application/json."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The `Idempotency-Key` was used before with a different body. */
        IdempotencyKeyReused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://ains.dev/problems/unprocessable",
                 *       "title": "Unprocessable request",
                 *       "status": 422,
                 *       "detail": "This Idempotency-Key was already used with a different request body."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The service behind the gateway did not answer in time; see `Retry-After`. */
        GatewayTimeout: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://ains.dev/problems/upstream-timeout",
                 *       "title": "Upstream timeout",
                 *       "status": 504,
                 *       "detail": "The task service did not answer in time. Try again shortly."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Rate limit exceeded (or this address is locked out after failed authentications); see `Retry-After`. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://ains.dev/problems/rate-limited",
                 *       "title": "Too many requests",
                 *       "status": 429,
                 *       "detail": "This API key may make 600 requests per minute."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A service behind the gateway is unavailable or its circuit is open; see `Retry-After`. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://ains.dev/problems/upstream-circuit-open",
                 *       "title": "Service temporarily unavailable",
                 *       "status": 503,
                 *       "detail": "The task service is failing; requests to it are paused for a moment."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Repeating a request with the same key returns the first result instead of acting twice. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /** @description Requests this key may make per minute. */
        "RateLimit-Limit": number;
        /** @description Requests left in the current sliding minute. */
        "RateLimit-Remaining": number;
        /** @description Seconds until the oldest counted request leaves the window. */
        "RateLimit-Reset": number;
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listApiKeys: {
        parameters: {
            query?: {
                client_id?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of keys, newest first (secrets are never shown). */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            name: string;
                            client_id: string;
                            scopes: ("tasks:read" | "tasks:write" | "agents:read" | "agents:write" | "agent:work" | "schedules:read" | "schedules:write" | "webhooks:read" | "webhooks:write" | "trust:read" | "trust:admin" | "admin")[];
                            agent_id: string | null;
                            rate_limit_per_minute: number;
                            burst_per_second: number | null;
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            expires_at: string | null;
                            allowed_cidrs: string[];
                            last_used_at: string | null;
                            rotated_at: string | null;
                            previous_secret_valid_until: string | null;
                            revoked_at: string | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    client_id?: string;
                    scopes: ("tasks:read" | "tasks:write" | "agents:read" | "agents:write" | "agent:work" | "schedules:read" | "schedules:write" | "webhooks:read" | "webhooks:write" | "trust:read" | "trust:admin" | "admin")[];
                    /** Format: uuid */
                    agent_id?: string;
                    rate_limit_per_minute?: number;
                    burst_per_second?: number;
                    /** Format: date-time */
                    expires_at?: string;
                    allowed_cidrs?: string[];
                };
            };
        };
        responses: {
            /** @description The new key, with its secret shown once. */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        client_id: string;
                        scopes: ("tasks:read" | "tasks:write" | "agents:read" | "agents:write" | "agent:work" | "schedules:read" | "schedules:write" | "webhooks:read" | "webhooks:write" | "trust:read" | "trust:admin" | "admin")[];
                        agent_id: string | null;
                        rate_limit_per_minute: number;
                        burst_per_second: number | null;
                        active: boolean;
                        /** Format: date-time */
                        created_at: string;
                        created_by: string | null;
                        expires_at: string | null;
                        allowed_cidrs: string[];
                        last_used_at: string | null;
                        rotated_at: string | null;
                        previous_secret_valid_until: string | null;
                        revoked_at: string | null;
                        /** @example ains_3f9a1c0d5e7b2a64_Zk2mW8qX1vJ4nR6tY0pL3sH9dF5gB7cA2eU8iO4wQ1z */
                        api_key: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description An `expires_at` not in the future, or an `agent_id` agent-service does not know (or knows as deregistered). */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key (without its secret). */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        client_id: string;
                        scopes: ("tasks:read" | "tasks:write" | "agents:read" | "agents:write" | "agent:work" | "schedules:read" | "schedules:write" | "webhooks:read" | "webhooks:write" | "trust:read" | "trust:admin" | "admin")[];
                        agent_id: string | null;
                        rate_limit_per_minute: number;
                        burst_per_second: number | null;
                        active: boolean;
                        /** Format: date-time */
                        created_at: string;
                        created_by: string | null;
                        expires_at: string | null;
                        allowed_cidrs: string[];
                        last_used_at: string | null;
                        rotated_at: string | null;
                        previous_secret_valid_until: string | null;
                        revoked_at: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    rotateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    grace_period_seconds?: number;
                };
            };
        };
        responses: {
            /** @description The key with its new secret, shown once. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        client_id: string;
                        scopes: ("tasks:read" | "tasks:write" | "agents:read" | "agents:write" | "agent:work" | "schedules:read" | "schedules:write" | "webhooks:read" | "webhooks:write" | "trust:read" | "trust:admin" | "admin")[];
                        agent_id: string | null;
                        rate_limit_per_minute: number;
                        burst_per_second: number | null;
                        active: boolean;
                        /** Format: date-time */
                        created_at: string;
                        created_by: string | null;
                        expires_at: string | null;
                        allowed_cidrs: string[];
                        last_used_at: string | null;
                        rotated_at: string | null;
                        previous_secret_valid_until: string | null;
                        revoked_at: string | null;
                        /** @example ains_3f9a1c0d5e7b2a64_Zk2mW8qX1vJ4nR6tY0pL3sH9dF5gB7cA2eU8iO4wQ1z */
                        api_key: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAuditLogs: {
        parameters: {
            query?: {
                action?: "api_key.create" | "api_key.rotate" | "api_key.revoke" | "api_key.bootstrap" | "auth.failure" | "auth.lockout" | "auth.address_refused";
                outcome?: "success" | "failure" | "denied";
                client_id?: string;
                key_id?: string;
                ip?: string;
                since?: string;
                until?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** Format: date-time */
                            occurred_at: string;
                            /** @enum {string} */
                            action: "api_key.create" | "api_key.rotate" | "api_key.revoke" | "api_key.bootstrap" | "auth.failure" | "auth.lockout" | "auth.address_refused";
                            /** @enum {string} */
                            outcome: "success" | "failure" | "denied";
                            client_id: string | null;
                            key_id: string | null;
                            ip: string | null;
                            detail: {
                                [key: string]: unknown;
                            };
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAgents: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                tags?: string;
                tags_match?: "all" | "any";
                capability?: string;
                capability_range?: string;
                status?: "online" | "offline" | "draining" | "deregistered";
                min_trust?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of agents, newest first. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            display_name: string;
                            endpoint: string | null;
                            owner_client_id: string | null;
                            tags: string[];
                            capabilities: {
                                name: string;
                                version: string;
                            }[];
                            max_concurrency: number;
                            /** @enum {string} */
                            status: "online" | "offline" | "draining" | "deregistered";
                            metadata: {
                                [key: string]: unknown;
                            };
                            public_key: string | null;
                            public_key_fingerprint: string | null;
                            /** Format: date-time */
                            last_heartbeat_at: string;
                            load: {
                                active_tasks: number;
                                max_concurrency: number;
                                utilisation: number;
                            };
                            metrics: {
                                completed: number;
                                failed: number;
                                timed_out: number;
                                success_rate: number | null;
                                avg_completion_ms: number | null;
                            };
                            /** Format: date-time */
                            registered_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    registerAgent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    display_name: string;
                    /** Format: uri */
                    endpoint?: string;
                    /** @default [] */
                    tags?: string[];
                    /** @default [] */
                    capabilities?: {
                        name: string;
                        version: string;
                    }[];
                    /** @default 1 */
                    max_concurrency?: number;
                    /** @default {} */
                    metadata?: {
                        [key: string]: unknown;
                    };
                    /** @example 57tS0uDII7prMphv5-2BrvY8jBa3yIZG6XZkDO-j3c4 */
                    public_key?: string;
                };
            };
        };
        responses: {
            /** @description The registered agent. With the agent’s API key, shown once. */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        display_name: string;
                        endpoint: string | null;
                        owner_client_id: string | null;
                        tags: string[];
                        capabilities: {
                            name: string;
                            version: string;
                        }[];
                        max_concurrency: number;
                        /** @enum {string} */
                        status: "online" | "offline" | "draining" | "deregistered";
                        metadata: {
                            [key: string]: unknown;
                        };
                        public_key: string | null;
                        public_key_fingerprint: string | null;
                        /** Format: date-time */
                        last_heartbeat_at: string;
                        load: {
                            active_tasks: number;
                            max_concurrency: number;
                            utilisation: number;
                        };
                        metrics: {
                            completed: number;
                            failed: number;
                            timed_out: number;
                            success_rate: number | null;
                            avg_completion_ms: number | null;
                        };
                        /** Format: date-time */
                        registered_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description The agent’s own `agent:work` API key, bound to this agent. Shown only in this answer. */
                        api_key: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The endpoint is not an allowed destination. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getAgentStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        generated_at: string;
                        /** @description agents in each status now, the whole fleet (every status present) */
                        by_status: {
                            [key: string]: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agent. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        display_name: string;
                        endpoint: string | null;
                        owner_client_id: string | null;
                        tags: string[];
                        capabilities: {
                            name: string;
                            version: string;
                        }[];
                        max_concurrency: number;
                        /** @enum {string} */
                        status: "online" | "offline" | "draining" | "deregistered";
                        metadata: {
                            [key: string]: unknown;
                        };
                        public_key: string | null;
                        public_key_fingerprint: string | null;
                        /** Format: date-time */
                        last_heartbeat_at: string;
                        load: {
                            active_tasks: number;
                            max_concurrency: number;
                            utilisation: number;
                        };
                        metrics: {
                            completed: number;
                            failed: number;
                            timed_out: number;
                            success_rate: number | null;
                            avg_completion_ms: number | null;
                        };
                        /** Format: date-time */
                        registered_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        trust: {
                            /** Format: uuid */
                            agent_id: string;
                            score: number;
                            /** @enum {string} */
                            tier: "excellent" | "good" | "average" | "below_average" | "poor";
                            success_rate: number | null;
                            window_tasks: number;
                            tasks: {
                                completed: number;
                                failed: number;
                                timed_out: number;
                            };
                            recent_changes: {
                                id: string;
                                event_type: string;
                                task_id: string | null;
                                delta: number;
                                score_before: number | null;
                                score_after: number;
                                reason: string;
                                actor_key_id: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            /** Format: date-time */
                            updated_at: string;
                        } | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    deregisterAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deregistered. */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    updateAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    display_name?: string;
                    endpoint?: string | null;
                    tags?: string[];
                    capabilities?: {
                        name: string;
                        version: string;
                    }[];
                    max_concurrency?: number;
                    metadata?: {
                        [key: string]: unknown;
                    };
                    /** @example 57tS0uDII7prMphv5-2BrvY8jBa3yIZG6XZkDO-j3c4 */
                    public_key?: string;
                };
            };
        };
        responses: {
            /** @description The updated agent. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        display_name: string;
                        endpoint: string | null;
                        owner_client_id: string | null;
                        tags: string[];
                        capabilities: {
                            name: string;
                            version: string;
                        }[];
                        max_concurrency: number;
                        /** @enum {string} */
                        status: "online" | "offline" | "draining" | "deregistered";
                        metadata: {
                            [key: string]: unknown;
                        };
                        public_key: string | null;
                        public_key_fingerprint: string | null;
                        /** Format: date-time */
                        last_heartbeat_at: string;
                        load: {
                            active_tasks: number;
                            max_concurrency: number;
                            utilisation: number;
                        };
                        metrics: {
                            completed: number;
                            failed: number;
                            timed_out: number;
                            success_rate: number | null;
                            avg_completion_ms: number | null;
                        };
                        /** Format: date-time */
                        registered_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The endpoint is not an allowed destination. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    heartbeatAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The agent. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        display_name: string;
                        endpoint: string | null;
                        owner_client_id: string | null;
                        tags: string[];
                        capabilities: {
                            name: string;
                            version: string;
                        }[];
                        max_concurrency: number;
                        /** @enum {string} */
                        status: "online" | "offline" | "draining" | "deregistered";
                        metadata: {
                            [key: string]: unknown;
                        };
                        public_key: string | null;
                        public_key_fingerprint: string | null;
                        /** Format: date-time */
                        last_heartbeat_at: string;
                        load: {
                            active_tasks: number;
                            max_concurrency: number;
                            utilisation: number;
                        };
                        metrics: {
                            completed: number;
                            failed: number;
                            timed_out: number;
                            success_rate: number | null;
                            avg_completion_ms: number | null;
                        };
                        /** Format: date-time */
                        registered_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    drainAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The agent, now draining. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        display_name: string;
                        endpoint: string | null;
                        owner_client_id: string | null;
                        tags: string[];
                        capabilities: {
                            name: string;
                            version: string;
                        }[];
                        max_concurrency: number;
                        /** @enum {string} */
                        status: "online" | "offline" | "draining" | "deregistered";
                        metadata: {
                            [key: string]: unknown;
                        };
                        public_key: string | null;
                        public_key_fingerprint: string | null;
                        /** Format: date-time */
                        last_heartbeat_at: string;
                        load: {
                            active_tasks: number;
                            max_concurrency: number;
                            utilisation: number;
                        };
                        metrics: {
                            completed: number;
                            failed: number;
                            timed_out: number;
                            success_rate: number | null;
                            avg_completion_ms: number | null;
                        };
                        /** Format: date-time */
                        registered_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    resumeAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The agent. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        display_name: string;
                        endpoint: string | null;
                        owner_client_id: string | null;
                        tags: string[];
                        capabilities: {
                            name: string;
                            version: string;
                        }[];
                        max_concurrency: number;
                        /** @enum {string} */
                        status: "online" | "offline" | "draining" | "deregistered";
                        metadata: {
                            [key: string]: unknown;
                        };
                        public_key: string | null;
                        public_key_fingerprint: string | null;
                        /** Format: date-time */
                        last_heartbeat_at: string;
                        load: {
                            active_tasks: number;
                            max_concurrency: number;
                            utilisation: number;
                        };
                        metrics: {
                            completed: number;
                            failed: number;
                            timed_out: number;
                            success_rate: number | null;
                            avg_completion_ms: number | null;
                        };
                        /** Format: date-time */
                        registered_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listRoutingStrategies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The strategies a task or policy may name. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            name: string;
                            description: string;
                        }[];
                        default_strategy: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getRoutingPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                taskType: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policy. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        task_type: string;
                        strategy: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No policy for this task type. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    putRoutingPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                taskType: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    strategy: string;
                };
            };
        };
        responses: {
            /** @description The policy. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        task_type: string;
                        strategy: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unknown strategy. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getRoutingQueue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The queue across all tenants. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        depth: number;
                        by_priority: {
                            [key: string]: number;
                        };
                        backpressure: {
                            engaged: boolean;
                            limit: number;
                            release_depth: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listSchedules: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                template_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of schedules, newest first. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string | null;
                            cron_expression: string;
                            time_zone: string;
                            task: {
                                [key: string]: unknown;
                            } | null;
                            template_id: string | null;
                            overrides: {
                                [key: string]: unknown;
                            } | null;
                            active: boolean;
                            start_at: string | null;
                            end_at: string | null;
                            max_runs: number | null;
                            /** @enum {string} */
                            overlap_policy: "allow" | "skip";
                            /** @enum {string} */
                            misfire_policy: "fire_once" | "skip";
                            next_run_at: string | null;
                            stats: {
                                runs: number;
                                successes: number;
                                failures: number;
                                skipped: number;
                                last_run_at: string | null;
                                last_outcome: ("completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered" | "task_not_created") | null;
                                average_duration_ms: number | null;
                            };
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    cron_expression: string;
                    /** @default UTC */
                    time_zone?: string;
                    task?: {
                        task_type: string;
                        /** @default 5 */
                        priority?: number;
                        /** @default {} */
                        input?: {
                            [key: string]: unknown;
                        };
                        /**
                         * @default {
                         *       "required_tags": [],
                         *       "capabilities": [],
                         *       "min_trust": null,
                         *       "strategy": null
                         *     }
                         */
                        routing?: {
                            /** @default [] */
                            required_tags?: string[];
                            /** @default [] */
                            capabilities?: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust?: number | null;
                            /** @default null */
                            strategy?: string | null;
                        };
                        /** @default 300 */
                        timeout_seconds?: number;
                        /**
                         * @default {
                         *       "max_attempts": 3,
                         *       "backoff_base_ms": 1000,
                         *       "backoff_max_ms": 60000,
                         *       "jitter": 0.2
                         *     }
                         */
                        retry_policy?: {
                            /** @default 3 */
                            max_attempts?: number;
                            /** @default 1000 */
                            backoff_base_ms?: number;
                            /** @default 60000 */
                            backoff_max_ms?: number;
                            /** @default 0.2 */
                            jitter?: number;
                        };
                        /** @default {} */
                        labels?: {
                            [key: string]: string;
                        };
                        /** @default {} */
                        metadata?: {
                            [key: string]: unknown;
                        };
                        /** @default [] */
                        depends_on?: string[];
                    };
                    /** Format: uuid */
                    template_id?: string;
                    overrides?: {
                        priority?: number;
                        input?: {
                            [key: string]: unknown;
                        };
                        routing?: {
                            /** @default [] */
                            required_tags?: string[];
                            /** @default [] */
                            capabilities?: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust?: number | null;
                            /** @default null */
                            strategy?: string | null;
                        };
                        timeout_seconds?: number;
                        retry_policy?: {
                            /** @default 3 */
                            max_attempts?: number;
                            /** @default 1000 */
                            backoff_base_ms?: number;
                            /** @default 60000 */
                            backoff_max_ms?: number;
                            /** @default 0.2 */
                            jitter?: number;
                        };
                        labels?: {
                            [key: string]: string;
                        };
                        metadata?: {
                            [key: string]: unknown;
                        };
                        /** @default [] */
                        depends_on?: string[];
                    };
                    /** @default true */
                    active?: boolean;
                    /** Format: date-time */
                    start_at?: string;
                    /** Format: date-time */
                    end_at?: string;
                    max_runs?: number;
                    /**
                     * @default allow
                     * @enum {string}
                     */
                    overlap_policy?: "allow" | "skip";
                    /**
                     * @default fire_once
                     * @enum {string}
                     */
                    misfire_policy?: "fire_once" | "skip";
                };
            };
        };
        responses: {
            /** @description The schedule, with its next fire time. */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        cron_expression: string;
                        time_zone: string;
                        task: {
                            [key: string]: unknown;
                        } | null;
                        template_id: string | null;
                        overrides: {
                            [key: string]: unknown;
                        } | null;
                        active: boolean;
                        start_at: string | null;
                        end_at: string | null;
                        max_runs: number | null;
                        /** @enum {string} */
                        overlap_policy: "allow" | "skip";
                        /** @enum {string} */
                        misfire_policy: "fire_once" | "skip";
                        next_run_at: string | null;
                        stats: {
                            runs: number;
                            successes: number;
                            failures: number;
                            skipped: number;
                            last_run_at: string | null;
                            last_outcome: ("completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered" | "task_not_created") | null;
                            average_duration_ms: number | null;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The cron expression or time zone is not usable, or a referenced template or task does not exist. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schedule. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        cron_expression: string;
                        time_zone: string;
                        task: {
                            [key: string]: unknown;
                        } | null;
                        template_id: string | null;
                        overrides: {
                            [key: string]: unknown;
                        } | null;
                        active: boolean;
                        start_at: string | null;
                        end_at: string | null;
                        max_runs: number | null;
                        /** @enum {string} */
                        overlap_policy: "allow" | "skip";
                        /** @enum {string} */
                        misfire_policy: "fire_once" | "skip";
                        next_run_at: string | null;
                        stats: {
                            runs: number;
                            successes: number;
                            failures: number;
                            skipped: number;
                            last_run_at: string | null;
                            last_outcome: ("completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered" | "task_not_created") | null;
                            average_duration_ms: number | null;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    deleteSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    updateSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string | null;
                    cron_expression?: string;
                    time_zone?: string;
                    task?: {
                        task_type: string;
                        /** @default 5 */
                        priority?: number;
                        /** @default {} */
                        input?: {
                            [key: string]: unknown;
                        };
                        /**
                         * @default {
                         *       "required_tags": [],
                         *       "capabilities": [],
                         *       "min_trust": null,
                         *       "strategy": null
                         *     }
                         */
                        routing?: {
                            /** @default [] */
                            required_tags?: string[];
                            /** @default [] */
                            capabilities?: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust?: number | null;
                            /** @default null */
                            strategy?: string | null;
                        };
                        /** @default 300 */
                        timeout_seconds?: number;
                        /**
                         * @default {
                         *       "max_attempts": 3,
                         *       "backoff_base_ms": 1000,
                         *       "backoff_max_ms": 60000,
                         *       "jitter": 0.2
                         *     }
                         */
                        retry_policy?: {
                            /** @default 3 */
                            max_attempts?: number;
                            /** @default 1000 */
                            backoff_base_ms?: number;
                            /** @default 60000 */
                            backoff_max_ms?: number;
                            /** @default 0.2 */
                            jitter?: number;
                        };
                        /** @default {} */
                        labels?: {
                            [key: string]: string;
                        };
                        /** @default {} */
                        metadata?: {
                            [key: string]: unknown;
                        };
                        /** @default [] */
                        depends_on?: string[];
                    };
                    /** Format: uuid */
                    template_id?: string;
                    overrides?: {
                        priority?: number;
                        input?: {
                            [key: string]: unknown;
                        };
                        routing?: {
                            /** @default [] */
                            required_tags?: string[];
                            /** @default [] */
                            capabilities?: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust?: number | null;
                            /** @default null */
                            strategy?: string | null;
                        };
                        timeout_seconds?: number;
                        retry_policy?: {
                            /** @default 3 */
                            max_attempts?: number;
                            /** @default 1000 */
                            backoff_base_ms?: number;
                            /** @default 60000 */
                            backoff_max_ms?: number;
                            /** @default 0.2 */
                            jitter?: number;
                        };
                        labels?: {
                            [key: string]: string;
                        };
                        metadata?: {
                            [key: string]: unknown;
                        };
                        /** @default [] */
                        depends_on?: string[];
                    };
                    start_at?: string | null;
                    end_at?: string | null;
                    max_runs?: number | null;
                    /** @enum {string} */
                    overlap_policy?: "allow" | "skip";
                    /** @enum {string} */
                    misfire_policy?: "fire_once" | "skip";
                };
            };
        };
        responses: {
            /** @description The changed schedule. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        cron_expression: string;
                        time_zone: string;
                        task: {
                            [key: string]: unknown;
                        } | null;
                        template_id: string | null;
                        overrides: {
                            [key: string]: unknown;
                        } | null;
                        active: boolean;
                        start_at: string | null;
                        end_at: string | null;
                        max_runs: number | null;
                        /** @enum {string} */
                        overlap_policy: "allow" | "skip";
                        /** @enum {string} */
                        misfire_policy: "fire_once" | "skip";
                        next_run_at: string | null;
                        stats: {
                            runs: number;
                            successes: number;
                            failures: number;
                            skipped: number;
                            last_run_at: string | null;
                            last_outcome: ("completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered" | "task_not_created") | null;
                            average_duration_ms: number | null;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The cron expression or time zone is not usable, or a referenced template or task does not exist. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    pauseSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The paused schedule. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        cron_expression: string;
                        time_zone: string;
                        task: {
                            [key: string]: unknown;
                        } | null;
                        template_id: string | null;
                        overrides: {
                            [key: string]: unknown;
                        } | null;
                        active: boolean;
                        start_at: string | null;
                        end_at: string | null;
                        max_runs: number | null;
                        /** @enum {string} */
                        overlap_policy: "allow" | "skip";
                        /** @enum {string} */
                        misfire_policy: "fire_once" | "skip";
                        next_run_at: string | null;
                        stats: {
                            runs: number;
                            successes: number;
                            failures: number;
                            skipped: number;
                            last_run_at: string | null;
                            last_outcome: ("completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered" | "task_not_created") | null;
                            average_duration_ms: number | null;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    resumeSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resumed schedule. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        cron_expression: string;
                        time_zone: string;
                        task: {
                            [key: string]: unknown;
                        } | null;
                        template_id: string | null;
                        overrides: {
                            [key: string]: unknown;
                        } | null;
                        active: boolean;
                        start_at: string | null;
                        end_at: string | null;
                        max_runs: number | null;
                        /** @enum {string} */
                        overlap_policy: "allow" | "skip";
                        /** @enum {string} */
                        misfire_policy: "fire_once" | "skip";
                        next_run_at: string | null;
                        stats: {
                            runs: number;
                            successes: number;
                            failures: number;
                            skipped: number;
                            last_run_at: string | null;
                            last_outcome: ("completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered" | "task_not_created") | null;
                            average_duration_ms: number | null;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    triggerSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run. */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        schedule_id: string;
                        /** Format: date-time */
                        fire_time: string;
                        /** @enum {string} */
                        trigger: "schedule" | "manual";
                        /** @enum {string} */
                        status: "fired" | "running" | "completed" | "failed" | "skipped";
                        outcome: ("completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered" | "task_not_created") | null;
                        missed_since: string | null;
                        task_id: string | null;
                        failure_reason: string | null;
                        duration_ms: number | null;
                        /** Format: date-time */
                        fired_at: string;
                        finished_at: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The schedule has used up its max_runs. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listScheduleRuns: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs, latest fire time first. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            schedule_id: string;
                            /** Format: date-time */
                            fire_time: string;
                            /** @enum {string} */
                            trigger: "schedule" | "manual";
                            /** @enum {string} */
                            status: "fired" | "running" | "completed" | "failed" | "skipped";
                            outcome: ("completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered" | "task_not_created") | null;
                            missed_since: string | null;
                            task_id: string | null;
                            failure_reason: string | null;
                            duration_ms: number | null;
                            /** Format: date-time */
                            fired_at: string;
                            finished_at: string | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listTasks: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered";
                task_type?: string;
                priority_min?: number;
                priority_max?: number;
                created_after?: string;
                created_before?: string;
                agent_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tasks, newest first. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            task_type: string;
                            /** @enum {string} */
                            status: "pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered";
                            status_reason: string | null;
                            priority: number;
                            effective_priority: number;
                            input: {
                                [key: string]: unknown;
                            };
                            depends_on: string[];
                            routing: {
                                /** @default [] */
                                required_tags: string[];
                                /** @default [] */
                                capabilities: {
                                    name: string;
                                    range: string;
                                }[];
                                /** @default null */
                                min_trust: number | null;
                                /** @default null */
                                strategy: string | null;
                            };
                            timeout_seconds: number;
                            retry_policy: {
                                /** @default 3 */
                                max_attempts: number;
                                /** @default 1000 */
                                backoff_base_ms: number;
                                /** @default 60000 */
                                backoff_max_ms: number;
                                /** @default 0.2 */
                                jitter: number;
                            };
                            labels: {
                                [key: string]: string;
                            };
                            metadata: {
                                [key: string]: unknown;
                            };
                            chain_id: string | null;
                            chain_step: number | null;
                            template_id: string | null;
                            schedule_id: string | null;
                            attempt: number;
                            assigned_agent_id: string | null;
                            lease_expires_at: string | null;
                            retry_at: string | null;
                            progress: {
                                [key: string]: unknown;
                            } | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            queued_at: string | null;
                            assigned_at: string | null;
                            started_at: string | null;
                            finished_at: string | null;
                            duration_ms: number | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeating a request with the same key returns the first result instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    task_type: string;
                    /** @default 5 */
                    priority?: number;
                    /** @default {} */
                    input?: {
                        [key: string]: unknown;
                    };
                    /**
                     * @default {
                     *       "required_tags": [],
                     *       "capabilities": [],
                     *       "min_trust": null,
                     *       "strategy": null
                     *     }
                     */
                    routing?: {
                        /** @default [] */
                        required_tags?: string[];
                        /** @default [] */
                        capabilities?: {
                            name: string;
                            range: string;
                        }[];
                        /** @default null */
                        min_trust?: number | null;
                        /** @default null */
                        strategy?: string | null;
                    };
                    /** @default 300 */
                    timeout_seconds?: number;
                    /**
                     * @default {
                     *       "max_attempts": 3,
                     *       "backoff_base_ms": 1000,
                     *       "backoff_max_ms": 60000,
                     *       "jitter": 0.2
                     *     }
                     */
                    retry_policy?: {
                        /** @default 3 */
                        max_attempts?: number;
                        /** @default 1000 */
                        backoff_base_ms?: number;
                        /** @default 60000 */
                        backoff_max_ms?: number;
                        /** @default 0.2 */
                        jitter?: number;
                    };
                    /** @default {} */
                    labels?: {
                        [key: string]: string;
                    };
                    /** @default {} */
                    metadata?: {
                        [key: string]: unknown;
                    };
                    /** @default [] */
                    depends_on?: string[];
                };
            };
        };
        responses: {
            /** @description The task. */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        task_type: string;
                        /** @enum {string} */
                        status: "pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered";
                        status_reason: string | null;
                        priority: number;
                        effective_priority: number;
                        input: {
                            [key: string]: unknown;
                        };
                        depends_on: string[];
                        routing: {
                            /** @default [] */
                            required_tags: string[];
                            /** @default [] */
                            capabilities: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust: number | null;
                            /** @default null */
                            strategy: string | null;
                        };
                        timeout_seconds: number;
                        retry_policy: {
                            /** @default 3 */
                            max_attempts: number;
                            /** @default 1000 */
                            backoff_base_ms: number;
                            /** @default 60000 */
                            backoff_max_ms: number;
                            /** @default 0.2 */
                            jitter: number;
                        };
                        labels: {
                            [key: string]: string;
                        };
                        metadata: {
                            [key: string]: unknown;
                        };
                        chain_id: string | null;
                        chain_step: number | null;
                        template_id: string | null;
                        schedule_id: string | null;
                        attempt: number;
                        assigned_agent_id: string | null;
                        lease_expires_at: string | null;
                        retry_at: string | null;
                        progress: {
                            [key: string]: unknown;
                        } | null;
                        result: {
                            [key: string]: unknown;
                        } | null;
                        error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        queued_at: string | null;
                        assigned_at: string | null;
                        started_at: string | null;
                        finished_at: string | null;
                        duration_ms: number | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unknown dependency. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description Dispatch is saturated (backpressure); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createTaskBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeating a request with the same key returns the first result instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    tasks: {
                        task_type: string;
                        /** @default 5 */
                        priority?: number;
                        /** @default {} */
                        input?: {
                            [key: string]: unknown;
                        };
                        /**
                         * @default {
                         *       "required_tags": [],
                         *       "capabilities": [],
                         *       "min_trust": null,
                         *       "strategy": null
                         *     }
                         */
                        routing?: {
                            /** @default [] */
                            required_tags?: string[];
                            /** @default [] */
                            capabilities?: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust?: number | null;
                            /** @default null */
                            strategy?: string | null;
                        };
                        /** @default 300 */
                        timeout_seconds?: number;
                        /**
                         * @default {
                         *       "max_attempts": 3,
                         *       "backoff_base_ms": 1000,
                         *       "backoff_max_ms": 60000,
                         *       "jitter": 0.2
                         *     }
                         */
                        retry_policy?: {
                            /** @default 3 */
                            max_attempts?: number;
                            /** @default 1000 */
                            backoff_base_ms?: number;
                            /** @default 60000 */
                            backoff_max_ms?: number;
                            /** @default 0.2 */
                            jitter?: number;
                        };
                        /** @default {} */
                        labels?: {
                            [key: string]: string;
                        };
                        /** @default {} */
                        metadata?: {
                            [key: string]: unknown;
                        };
                        /** @default [] */
                        depends_on?: string[];
                        ref?: string;
                        /** @default [] */
                        depends_on_refs?: string[];
                    }[];
                };
            };
        };
        responses: {
            /** @description The tasks, in request order. */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            task_type: string;
                            /** @enum {string} */
                            status: "pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered";
                            status_reason: string | null;
                            priority: number;
                            effective_priority: number;
                            input: {
                                [key: string]: unknown;
                            };
                            depends_on: string[];
                            routing: {
                                /** @default [] */
                                required_tags: string[];
                                /** @default [] */
                                capabilities: {
                                    name: string;
                                    range: string;
                                }[];
                                /** @default null */
                                min_trust: number | null;
                                /** @default null */
                                strategy: string | null;
                            };
                            timeout_seconds: number;
                            retry_policy: {
                                /** @default 3 */
                                max_attempts: number;
                                /** @default 1000 */
                                backoff_base_ms: number;
                                /** @default 60000 */
                                backoff_max_ms: number;
                                /** @default 0.2 */
                                jitter: number;
                            };
                            labels: {
                                [key: string]: string;
                            };
                            metadata: {
                                [key: string]: unknown;
                            };
                            chain_id: string | null;
                            chain_step: number | null;
                            template_id: string | null;
                            schedule_id: string | null;
                            attempt: number;
                            assigned_agent_id: string | null;
                            lease_expires_at: string | null;
                            retry_at: string | null;
                            progress: {
                                [key: string]: unknown;
                            } | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            queued_at: string | null;
                            assigned_at: string | null;
                            started_at: string | null;
                            finished_at: string | null;
                            duration_ms: number | null;
                            ref: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unknown dependency or a dependency cycle. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description Dispatch is saturated (backpressure); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getTaskStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statistics. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description `client`: the caller’s own tasks; `all`: every client’s (an `admin` key)
                         * @enum {string}
                         */
                        scope: "client" | "all";
                        /** Format: date-time */
                        generated_at: string;
                        /** @description a count equal to this means at least this many */
                        count_limit: number;
                        /** @description tasks in each state now */
                        by_status: {
                            [key: string]: number;
                        };
                        queue: {
                            depth: number;
                            oldest_queued_at: string | null;
                            /** @description queued tasks per effective priority, 10 entries from 10 down to 1 */
                            by_priority: {
                                priority: number;
                                count: number;
                                oldest_queued_at: string | null;
                                oldest_age_ms: number | null;
                            }[];
                        };
                        last_hour: {
                            bucket_seconds: number;
                            /** @description oldest first; the last one is the current minute, so far. `failed`: tasks that ended failed, timed out or dead-lettered with no retry due */
                            buckets: {
                                /** Format: date-time */
                                start: string;
                                created: number;
                                completed: number;
                                failed: number;
                            }[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        task_type: string;
                        /** @enum {string} */
                        status: "pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered";
                        status_reason: string | null;
                        priority: number;
                        effective_priority: number;
                        input: {
                            [key: string]: unknown;
                        };
                        depends_on: string[];
                        routing: {
                            /** @default [] */
                            required_tags: string[];
                            /** @default [] */
                            capabilities: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust: number | null;
                            /** @default null */
                            strategy: string | null;
                        };
                        timeout_seconds: number;
                        retry_policy: {
                            /** @default 3 */
                            max_attempts: number;
                            /** @default 1000 */
                            backoff_base_ms: number;
                            /** @default 60000 */
                            backoff_max_ms: number;
                            /** @default 0.2 */
                            jitter: number;
                        };
                        labels: {
                            [key: string]: string;
                        };
                        metadata: {
                            [key: string]: unknown;
                        };
                        chain_id: string | null;
                        chain_step: number | null;
                        template_id: string | null;
                        schedule_id: string | null;
                        attempt: number;
                        assigned_agent_id: string | null;
                        lease_expires_at: string | null;
                        retry_at: string | null;
                        progress: {
                            [key: string]: unknown;
                        } | null;
                        result: {
                            [key: string]: unknown;
                        } | null;
                        error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        queued_at: string | null;
                        assigned_at: string | null;
                        started_at: string | null;
                        finished_at: string | null;
                        duration_ms: number | null;
                        attempts: {
                            attempt: number;
                            /** Format: uuid */
                            agent_id: string;
                            /** Format: date-time */
                            assigned_at: string;
                            started_at: string | null;
                            ended_at: string | null;
                            outcome: ("completed" | "failed" | "timed_out" | "requeued" | "cancelled") | null;
                            error: string | null;
                            routing: {
                                strategy: string;
                                candidate_count: number;
                                /** @description Up to 5, best first; the chosen agent is always among them. Empty for decisions recorded before candidates were. */
                                candidates: {
                                    /** @description null for an agent other than the chosen one when the key may not read agents (`agents:read`) */
                                    agent_id: string | null;
                                    /** @description from 0 to 1, higher preferred by the strategy */
                                    score: number;
                                    /** @description the figures the score comes from, e.g. `trust`, `active_tasks`, `avg_completion_ms`, `position` */
                                    factors: {
                                        [key: string]: number;
                                    };
                                    chosen: boolean;
                                }[];
                            } | null;
                            signature: {
                                /** @constant */
                                algorithm: "ed25519";
                                value: string;
                                public_key: string;
                                key_fingerprint: string;
                                /** @enum {string} */
                                report: "complete" | "fail";
                                retryable: boolean | null;
                            } | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such task for this caller. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    cancelTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default cancelled by client */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The cancelled task. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        task_type: string;
                        /** @enum {string} */
                        status: "pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered";
                        status_reason: string | null;
                        priority: number;
                        effective_priority: number;
                        input: {
                            [key: string]: unknown;
                        };
                        depends_on: string[];
                        routing: {
                            /** @default [] */
                            required_tags: string[];
                            /** @default [] */
                            capabilities: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust: number | null;
                            /** @default null */
                            strategy: string | null;
                        };
                        timeout_seconds: number;
                        retry_policy: {
                            /** @default 3 */
                            max_attempts: number;
                            /** @default 1000 */
                            backoff_base_ms: number;
                            /** @default 60000 */
                            backoff_max_ms: number;
                            /** @default 0.2 */
                            jitter: number;
                        };
                        labels: {
                            [key: string]: string;
                        };
                        metadata: {
                            [key: string]: unknown;
                        };
                        chain_id: string | null;
                        chain_step: number | null;
                        template_id: string | null;
                        schedule_id: string | null;
                        attempt: number;
                        assigned_agent_id: string | null;
                        lease_expires_at: string | null;
                        retry_at: string | null;
                        progress: {
                            [key: string]: unknown;
                        } | null;
                        result: {
                            [key: string]: unknown;
                        } | null;
                        error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        queued_at: string | null;
                        assigned_at: string | null;
                        started_at: string | null;
                        finished_at: string | null;
                        duration_ms: number | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such task for this caller. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The transition is not allowed from the task’s current state, or the report came after a timeout or reassignment. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    retryTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The queued task. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        task_type: string;
                        /** @enum {string} */
                        status: "pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered";
                        status_reason: string | null;
                        priority: number;
                        effective_priority: number;
                        input: {
                            [key: string]: unknown;
                        };
                        depends_on: string[];
                        routing: {
                            /** @default [] */
                            required_tags: string[];
                            /** @default [] */
                            capabilities: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust: number | null;
                            /** @default null */
                            strategy: string | null;
                        };
                        timeout_seconds: number;
                        retry_policy: {
                            /** @default 3 */
                            max_attempts: number;
                            /** @default 1000 */
                            backoff_base_ms: number;
                            /** @default 60000 */
                            backoff_max_ms: number;
                            /** @default 0.2 */
                            jitter: number;
                        };
                        labels: {
                            [key: string]: string;
                        };
                        metadata: {
                            [key: string]: unknown;
                        };
                        chain_id: string | null;
                        chain_step: number | null;
                        template_id: string | null;
                        schedule_id: string | null;
                        attempt: number;
                        assigned_agent_id: string | null;
                        lease_expires_at: string | null;
                        retry_at: string | null;
                        progress: {
                            [key: string]: unknown;
                        } | null;
                        result: {
                            [key: string]: unknown;
                        } | null;
                        error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        queued_at: string | null;
                        assigned_at: string | null;
                        started_at: string | null;
                        finished_at: string | null;
                        duration_ms: number | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such task for this caller. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The transition is not allowed from the task’s current state, or the report came after a timeout or reassignment. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listTemplates: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of templates, newest first. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string;
                            task_type: string;
                            defaults: {
                                [key: string]: unknown;
                            };
                            times_used: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeating a request with the same key returns the first result instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default  */
                    description?: string;
                    task_type: string;
                    /** @default {} */
                    defaults?: {
                        priority?: number;
                        input?: {
                            [key: string]: unknown;
                        };
                        routing?: {
                            /** @default [] */
                            required_tags?: string[];
                            /** @default [] */
                            capabilities?: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust?: number | null;
                            /** @default null */
                            strategy?: string | null;
                        };
                        timeout_seconds?: number;
                        retry_policy?: {
                            /** @default 3 */
                            max_attempts?: number;
                            /** @default 1000 */
                            backoff_base_ms?: number;
                            /** @default 60000 */
                            backoff_max_ms?: number;
                            /** @default 0.2 */
                            jitter?: number;
                        };
                        labels?: {
                            [key: string]: string;
                        };
                        metadata?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description The template. */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string;
                        task_type: string;
                        defaults: {
                            [key: string]: unknown;
                        };
                        times_used: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string;
                        task_type: string;
                        defaults: {
                            [key: string]: unknown;
                        };
                        times_used: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such task for this caller. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    deleteTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such task for this caller. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A schedule uses the template. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    updateTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                    task_type?: string;
                    defaults?: {
                        priority?: number;
                        input?: {
                            [key: string]: unknown;
                        };
                        routing?: {
                            /** @default [] */
                            required_tags?: string[];
                            /** @default [] */
                            capabilities?: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust?: number | null;
                            /** @default null */
                            strategy?: string | null;
                        };
                        timeout_seconds?: number;
                        retry_policy?: {
                            /** @default 3 */
                            max_attempts?: number;
                            /** @default 1000 */
                            backoff_base_ms?: number;
                            /** @default 60000 */
                            backoff_max_ms?: number;
                            /** @default 0.2 */
                            jitter?: number;
                        };
                        labels?: {
                            [key: string]: string;
                        };
                        metadata?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description The template. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string;
                        task_type: string;
                        defaults: {
                            [key: string]: unknown;
                        };
                        times_used: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such task for this caller. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    instantiateTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeating a request with the same key returns the first result instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    priority?: number;
                    input?: {
                        [key: string]: unknown;
                    };
                    routing?: {
                        /** @default [] */
                        required_tags?: string[];
                        /** @default [] */
                        capabilities?: {
                            name: string;
                            range: string;
                        }[];
                        /** @default null */
                        min_trust?: number | null;
                        /** @default null */
                        strategy?: string | null;
                    };
                    timeout_seconds?: number;
                    retry_policy?: {
                        /** @default 3 */
                        max_attempts?: number;
                        /** @default 1000 */
                        backoff_base_ms?: number;
                        /** @default 60000 */
                        backoff_max_ms?: number;
                        /** @default 0.2 */
                        jitter?: number;
                    };
                    labels?: {
                        [key: string]: string;
                    };
                    metadata?: {
                        [key: string]: unknown;
                    };
                    /** @default [] */
                    depends_on?: string[];
                };
            };
        };
        responses: {
            /** @description The task. */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        task_type: string;
                        /** @enum {string} */
                        status: "pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered";
                        status_reason: string | null;
                        priority: number;
                        effective_priority: number;
                        input: {
                            [key: string]: unknown;
                        };
                        depends_on: string[];
                        routing: {
                            /** @default [] */
                            required_tags: string[];
                            /** @default [] */
                            capabilities: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust: number | null;
                            /** @default null */
                            strategy: string | null;
                        };
                        timeout_seconds: number;
                        retry_policy: {
                            /** @default 3 */
                            max_attempts: number;
                            /** @default 1000 */
                            backoff_base_ms: number;
                            /** @default 60000 */
                            backoff_max_ms: number;
                            /** @default 0.2 */
                            jitter: number;
                        };
                        labels: {
                            [key: string]: string;
                        };
                        metadata: {
                            [key: string]: unknown;
                        };
                        chain_id: string | null;
                        chain_step: number | null;
                        template_id: string | null;
                        schedule_id: string | null;
                        attempt: number;
                        assigned_agent_id: string | null;
                        lease_expires_at: string | null;
                        retry_at: string | null;
                        progress: {
                            [key: string]: unknown;
                        } | null;
                        result: {
                            [key: string]: unknown;
                        } | null;
                        error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        queued_at: string | null;
                        assigned_at: string | null;
                        started_at: string | null;
                        finished_at: string | null;
                        duration_ms: number | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such task for this caller. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyKeyReused"];
            429: components["responses"]["TooManyRequests"];
            /** @description Dispatch is saturated (backpressure); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createChain: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeating a request with the same key returns the first result instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /**
                     * @default stop
                     * @enum {string}
                     */
                    failure_policy?: "stop" | "continue";
                    steps: {
                        task_type?: string;
                        /** Format: uuid */
                        template_id?: string;
                        /** @default {} */
                        input?: {
                            [key: string]: unknown;
                        };
                        /** @default [] */
                        input_mapping?: {
                            target: string;
                            source: string;
                        }[];
                        priority?: number;
                        routing?: {
                            /** @default [] */
                            required_tags?: string[];
                            /** @default [] */
                            capabilities?: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust?: number | null;
                            /** @default null */
                            strategy?: string | null;
                        };
                        timeout_seconds?: number;
                        retry_policy?: {
                            /** @default 3 */
                            max_attempts?: number;
                            /** @default 1000 */
                            backoff_base_ms?: number;
                            /** @default 60000 */
                            backoff_max_ms?: number;
                            /** @default 0.2 */
                            jitter?: number;
                        };
                    }[];
                    /** @default {} */
                    labels?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description The chain. */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "running" | "completed" | "failed" | "cancelled";
                        /** @enum {string} */
                        failure_policy: "stop" | "continue";
                        current_step: number;
                        labels: {
                            [key: string]: string;
                        };
                        steps: {
                            index: number;
                            task_type: string;
                            template_id: string | null;
                            task_id: string | null;
                            status: ("pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered") | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            error: string | null;
                        }[];
                        /** Format: date-time */
                        created_at: string;
                        finished_at: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unknown template. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description Dispatch is saturated (backpressure); retry after `Retry-After` seconds. */
            503: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getChain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chain. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "running" | "completed" | "failed" | "cancelled";
                        /** @enum {string} */
                        failure_policy: "stop" | "continue";
                        current_step: number;
                        labels: {
                            [key: string]: string;
                        };
                        steps: {
                            index: number;
                            task_type: string;
                            template_id: string | null;
                            task_id: string | null;
                            status: ("pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered") | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            error: string | null;
                        }[];
                        /** Format: date-time */
                        created_at: string;
                        finished_at: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such task for this caller. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    cancelChain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chain. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        status: "running" | "completed" | "failed" | "cancelled";
                        /** @enum {string} */
                        failure_policy: "stop" | "continue";
                        current_step: number;
                        labels: {
                            [key: string]: string;
                        };
                        steps: {
                            index: number;
                            task_type: string;
                            template_id: string | null;
                            task_id: string | null;
                            status: ("pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered") | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            error: string | null;
                        }[];
                        /** Format: date-time */
                        created_at: string;
                        finished_at: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description No such task for this caller. */
            404: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The transition is not allowed from the task’s current state, or the report came after a timeout or reassignment. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    claimTasks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default 1 */
                    max_tasks?: number;
                    /** @default 5000 */
                    wait_ms?: number;
                    /** @default false */
                    start?: boolean;
                };
            };
        };
        responses: {
            /** @description Up to `max_tasks` newly assigned tasks; empty when none arrived within the wait. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            task_type: string;
                            /** @enum {string} */
                            status: "pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered";
                            status_reason: string | null;
                            priority: number;
                            effective_priority: number;
                            input: {
                                [key: string]: unknown;
                            };
                            depends_on: string[];
                            routing: {
                                /** @default [] */
                                required_tags: string[];
                                /** @default [] */
                                capabilities: {
                                    name: string;
                                    range: string;
                                }[];
                                /** @default null */
                                min_trust: number | null;
                                /** @default null */
                                strategy: string | null;
                            };
                            timeout_seconds: number;
                            retry_policy: {
                                /** @default 3 */
                                max_attempts: number;
                                /** @default 1000 */
                                backoff_base_ms: number;
                                /** @default 60000 */
                                backoff_max_ms: number;
                                /** @default 0.2 */
                                jitter: number;
                            };
                            labels: {
                                [key: string]: string;
                            };
                            metadata: {
                                [key: string]: unknown;
                            };
                            chain_id: string | null;
                            chain_step: number | null;
                            template_id: string | null;
                            schedule_id: string | null;
                            attempt: number;
                            assigned_agent_id: string | null;
                            lease_expires_at: string | null;
                            retry_at: string | null;
                            progress: {
                                [key: string]: unknown;
                            } | null;
                            result: {
                                [key: string]: unknown;
                            } | null;
                            error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            queued_at: string | null;
                            assigned_at: string | null;
                            started_at: string | null;
                            finished_at: string | null;
                            duration_ms: number | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description The key does not act as this agent. Also `address-not-allowed` (from the gateway, before the request goes further): the API key has `allowed_cidrs` and the request came from an address outside them. */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    streamAssignments: {
        parameters: {
            query?: {
                slots?: number;
            };
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream; each `assignment` event carries one started task. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description The key does not act as this agent. Also `address-not-allowed` (from the gateway, before the request goes further): the API key has `allowed_cidrs` and the request came from an address outside them. */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    reportTaskBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reports: ({
                        /** Format: uuid */
                        task_id: string;
                        /** @constant */
                        type: "start";
                    } | {
                        /** Format: uuid */
                        task_id: string;
                        /** @constant */
                        type: "progress";
                        /** @default {} */
                        progress?: {
                            [key: string]: unknown;
                        };
                    } | {
                        /** Format: uuid */
                        task_id: string;
                        /** @constant */
                        type: "complete";
                        /** @default {} */
                        result?: {
                            [key: string]: unknown;
                        };
                        signature?: string;
                    } | {
                        /** Format: uuid */
                        task_id: string;
                        /** @constant */
                        type: "fail";
                        error: string;
                        /** @default true */
                        retryable?: boolean;
                        signature?: string;
                    })[];
                };
            };
        };
        responses: {
            /** @description One answer per report, in request order. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            index: number;
                            task_id: string | null;
                            status: number;
                            /** @enum {string} */
                            outcome: "applied" | "already_applied" | "refused";
                            task?: {
                                /** Format: uuid */
                                id: string;
                                task_type: string;
                                /** @enum {string} */
                                status: "pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered";
                                status_reason: string | null;
                                priority: number;
                                effective_priority: number;
                                input: {
                                    [key: string]: unknown;
                                };
                                depends_on: string[];
                                routing: {
                                    /** @default [] */
                                    required_tags: string[];
                                    /** @default [] */
                                    capabilities: {
                                        name: string;
                                        range: string;
                                    }[];
                                    /** @default null */
                                    min_trust: number | null;
                                    /** @default null */
                                    strategy: string | null;
                                };
                                timeout_seconds: number;
                                retry_policy: {
                                    /** @default 3 */
                                    max_attempts: number;
                                    /** @default 1000 */
                                    backoff_base_ms: number;
                                    /** @default 60000 */
                                    backoff_max_ms: number;
                                    /** @default 0.2 */
                                    jitter: number;
                                };
                                labels: {
                                    [key: string]: string;
                                };
                                metadata: {
                                    [key: string]: unknown;
                                };
                                chain_id: string | null;
                                chain_step: number | null;
                                template_id: string | null;
                                schedule_id: string | null;
                                attempt: number;
                                assigned_agent_id: string | null;
                                lease_expires_at: string | null;
                                retry_at: string | null;
                                progress: {
                                    [key: string]: unknown;
                                } | null;
                                result: {
                                    [key: string]: unknown;
                                } | null;
                                error: string | null;
                                /** Format: date-time */
                                created_at: string;
                                queued_at: string | null;
                                assigned_at: string | null;
                                started_at: string | null;
                                finished_at: string | null;
                                duration_ms: number | null;
                            };
                            problem?: {
                                type: string;
                                title: string;
                                status: number;
                                detail?: string;
                                instance?: string;
                                errors?: {
                                    field: string;
                                    message: string;
                                }[];
                                request_id?: string;
                            };
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description The key does not act as this agent. Also `address-not-allowed` (from the gateway, before the request goes further): the API key has `allowed_cidrs` and the request came from an address outside them. */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    startTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The task. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        task_type: string;
                        /** @enum {string} */
                        status: "pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered";
                        status_reason: string | null;
                        priority: number;
                        effective_priority: number;
                        input: {
                            [key: string]: unknown;
                        };
                        depends_on: string[];
                        routing: {
                            /** @default [] */
                            required_tags: string[];
                            /** @default [] */
                            capabilities: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust: number | null;
                            /** @default null */
                            strategy: string | null;
                        };
                        timeout_seconds: number;
                        retry_policy: {
                            /** @default 3 */
                            max_attempts: number;
                            /** @default 1000 */
                            backoff_base_ms: number;
                            /** @default 60000 */
                            backoff_max_ms: number;
                            /** @default 0.2 */
                            jitter: number;
                        };
                        labels: {
                            [key: string]: string;
                        };
                        metadata: {
                            [key: string]: unknown;
                        };
                        chain_id: string | null;
                        chain_step: number | null;
                        template_id: string | null;
                        schedule_id: string | null;
                        attempt: number;
                        assigned_agent_id: string | null;
                        lease_expires_at: string | null;
                        retry_at: string | null;
                        progress: {
                            [key: string]: unknown;
                        } | null;
                        result: {
                            [key: string]: unknown;
                        } | null;
                        error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        queued_at: string | null;
                        assigned_at: string | null;
                        started_at: string | null;
                        finished_at: string | null;
                        duration_ms: number | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description Not assigned to this agent. Also `address-not-allowed` (from the gateway, before the request goes further): the API key has `allowed_cidrs` and the request came from an address outside them. */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
            /** @description The transition is not allowed from the task’s current state, or the report came after a timeout or reassignment. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    reportTaskProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default {} */
                    progress?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description The task with its renewed lease. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        task_type: string;
                        /** @enum {string} */
                        status: "pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered";
                        status_reason: string | null;
                        priority: number;
                        effective_priority: number;
                        input: {
                            [key: string]: unknown;
                        };
                        depends_on: string[];
                        routing: {
                            /** @default [] */
                            required_tags: string[];
                            /** @default [] */
                            capabilities: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust: number | null;
                            /** @default null */
                            strategy: string | null;
                        };
                        timeout_seconds: number;
                        retry_policy: {
                            /** @default 3 */
                            max_attempts: number;
                            /** @default 1000 */
                            backoff_base_ms: number;
                            /** @default 60000 */
                            backoff_max_ms: number;
                            /** @default 0.2 */
                            jitter: number;
                        };
                        labels: {
                            [key: string]: string;
                        };
                        metadata: {
                            [key: string]: unknown;
                        };
                        chain_id: string | null;
                        chain_step: number | null;
                        template_id: string | null;
                        schedule_id: string | null;
                        attempt: number;
                        assigned_agent_id: string | null;
                        lease_expires_at: string | null;
                        retry_at: string | null;
                        progress: {
                            [key: string]: unknown;
                        } | null;
                        result: {
                            [key: string]: unknown;
                        } | null;
                        error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        queued_at: string | null;
                        assigned_at: string | null;
                        started_at: string | null;
                        finished_at: string | null;
                        duration_ms: number | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description Not assigned to this agent. Also `address-not-allowed` (from the gateway, before the request goes further): the API key has `allowed_cidrs` and the request came from an address outside them. */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
            /** @description The transition is not allowed from the task’s current state, or the report came after a timeout or reassignment. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    completeTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default {} */
                    result?: {
                        [key: string]: unknown;
                    };
                    signature?: string;
                };
            };
        };
        responses: {
            /** @description The completed task. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        task_type: string;
                        /** @enum {string} */
                        status: "pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered";
                        status_reason: string | null;
                        priority: number;
                        effective_priority: number;
                        input: {
                            [key: string]: unknown;
                        };
                        depends_on: string[];
                        routing: {
                            /** @default [] */
                            required_tags: string[];
                            /** @default [] */
                            capabilities: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust: number | null;
                            /** @default null */
                            strategy: string | null;
                        };
                        timeout_seconds: number;
                        retry_policy: {
                            /** @default 3 */
                            max_attempts: number;
                            /** @default 1000 */
                            backoff_base_ms: number;
                            /** @default 60000 */
                            backoff_max_ms: number;
                            /** @default 0.2 */
                            jitter: number;
                        };
                        labels: {
                            [key: string]: string;
                        };
                        metadata: {
                            [key: string]: unknown;
                        };
                        chain_id: string | null;
                        chain_step: number | null;
                        template_id: string | null;
                        schedule_id: string | null;
                        attempt: number;
                        assigned_agent_id: string | null;
                        lease_expires_at: string | null;
                        retry_at: string | null;
                        progress: {
                            [key: string]: unknown;
                        } | null;
                        result: {
                            [key: string]: unknown;
                        } | null;
                        error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        queued_at: string | null;
                        assigned_at: string | null;
                        started_at: string | null;
                        finished_at: string | null;
                        duration_ms: number | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description Not assigned to this agent. Also `address-not-allowed` (from the gateway, before the request goes further): the API key has `allowed_cidrs` and the request came from an address outside them. */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
            /** @description The transition is not allowed from the task’s current state, or the report came after a timeout or reassignment. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The agent has a public key and the report’s `signature` is missing (`signature-required`) or does not verify with it over the report’s signing text (`signature-invalid`); nothing was applied. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description The report is signed but task-service has not yet learned the agent’s public key (it was registered or set moments ago); send it again after `Retry-After` seconds. */
            503: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            504: components["responses"]["GatewayTimeout"];
        };
    };
    failTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    error: string;
                    /** @default true */
                    retryable?: boolean;
                    signature?: string;
                };
            };
        };
        responses: {
            /** @description The task (queued again later when it may retry). */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        task_type: string;
                        /** @enum {string} */
                        status: "pending" | "blocked" | "queued" | "assigned" | "running" | "completed" | "failed" | "timed_out" | "cancelled" | "dead_lettered";
                        status_reason: string | null;
                        priority: number;
                        effective_priority: number;
                        input: {
                            [key: string]: unknown;
                        };
                        depends_on: string[];
                        routing: {
                            /** @default [] */
                            required_tags: string[];
                            /** @default [] */
                            capabilities: {
                                name: string;
                                range: string;
                            }[];
                            /** @default null */
                            min_trust: number | null;
                            /** @default null */
                            strategy: string | null;
                        };
                        timeout_seconds: number;
                        retry_policy: {
                            /** @default 3 */
                            max_attempts: number;
                            /** @default 1000 */
                            backoff_base_ms: number;
                            /** @default 60000 */
                            backoff_max_ms: number;
                            /** @default 0.2 */
                            jitter: number;
                        };
                        labels: {
                            [key: string]: string;
                        };
                        metadata: {
                            [key: string]: unknown;
                        };
                        chain_id: string | null;
                        chain_step: number | null;
                        template_id: string | null;
                        schedule_id: string | null;
                        attempt: number;
                        assigned_agent_id: string | null;
                        lease_expires_at: string | null;
                        retry_at: string | null;
                        progress: {
                            [key: string]: unknown;
                        } | null;
                        result: {
                            [key: string]: unknown;
                        } | null;
                        error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        queued_at: string | null;
                        assigned_at: string | null;
                        started_at: string | null;
                        finished_at: string | null;
                        duration_ms: number | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            /** @description Not assigned to this agent. Also `address-not-allowed` (from the gateway, before the request goes further): the API key has `allowed_cidrs` and the request came from an address outside them. */
            403: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
            /** @description The transition is not allowed from the task’s current state, or the report came after a timeout or reassignment. */
            409: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The agent has a public key and the report’s `signature` is missing (`signature-required`) or does not verify with it over the report’s signing text (`signature-invalid`); nothing was applied. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description The report is signed but task-service has not yet learned the agent’s public key (it was registered or set moments ago); send it again after `Retry-After` seconds. */
            503: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getAgentTrust: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trust score. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        agent_id: string;
                        score: number;
                        /** @enum {string} */
                        tier: "excellent" | "good" | "average" | "below_average" | "poor";
                        success_rate: number | null;
                        window_tasks: number;
                        tasks: {
                            completed: number;
                            failed: number;
                            timed_out: number;
                        };
                        recent_changes: {
                            id: string;
                            event_type: string;
                            task_id: string | null;
                            delta: number;
                            score_before: number | null;
                            score_after: number;
                            reason: string;
                            actor_key_id: string | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getAgentTrustHistory: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of trust records and the trend. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            event_type: string;
                            task_id: string | null;
                            delta: number;
                            score_before: number | null;
                            score_after: number;
                            reason: string;
                            actor_key_id: string | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                        trend: {
                            change_24h: number;
                            change_7d: number;
                            change_30d: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    overrideAgentTrust: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    score?: number;
                    delta?: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The trust score after the override. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        agent_id: string;
                        score: number;
                        /** @enum {string} */
                        tier: "excellent" | "good" | "average" | "below_average" | "poor";
                        success_rate: number | null;
                        window_tasks: number;
                        tasks: {
                            completed: number;
                            failed: number;
                            timed_out: number;
                        };
                        recent_changes: {
                            id: string;
                            event_type: string;
                            task_id: string | null;
                            delta: number;
                            score_before: number | null;
                            score_after: number;
                            reason: string;
                            actor_key_id: string | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getTrustLeaderboard: {
        parameters: {
            query?: {
                limit?: number;
                tier?: "excellent" | "good" | "average" | "below_average" | "poor";
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ranking. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            rank: number;
                            /** Format: uuid */
                            agent_id: string;
                            display_name: string | null;
                            tags: string[];
                            score: number;
                            /** @enum {string} */
                            tier: "excellent" | "good" | "average" | "below_average" | "poor";
                            success_rate: number | null;
                        }[];
                        /** Format: date-time */
                        generated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of endpoints, newest first. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            url: string;
                            event_types: string[];
                            description: string;
                            enabled: boolean;
                            disabled_reason: ("gone" | "failing" | "manual") | null;
                            headers: {
                                [key: string]: string;
                            };
                            secret_rotation_ends_at: string | null;
                            failing_since: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    url: string;
                    event_types: string[];
                    /** @default  */
                    description?: string;
                    /** @default true */
                    enabled?: boolean;
                    /** @default {} */
                    headers?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description The endpoint with its signing secret. */
            201: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        url: string;
                        event_types: string[];
                        description: string;
                        enabled: boolean;
                        disabled_reason: ("gone" | "failing" | "manual") | null;
                        headers: {
                            [key: string]: string;
                        };
                        secret_rotation_ends_at: string | null;
                        failing_since: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: starts_with */
                        secret: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The destination is not allowed. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        url: string;
                        event_types: string[];
                        description: string;
                        enabled: boolean;
                        disabled_reason: ("gone" | "failing" | "manual") | null;
                        headers: {
                            [key: string]: string;
                        };
                        secret_rotation_ends_at: string | null;
                        failing_since: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    url?: string;
                    event_types?: string[];
                    description?: string;
                    enabled?: boolean;
                    headers?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description The endpoint. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        url: string;
                        event_types: string[];
                        description: string;
                        enabled: boolean;
                        disabled_reason: ("gone" | "failing" | "manual") | null;
                        headers: {
                            [key: string]: string;
                        };
                        secret_rotation_ends_at: string | null;
                        failing_since: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The destination is not allowed. */
            422: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default 86400 */
                    overlap_seconds?: number;
                };
            };
        };
        responses: {
            /** @description The endpoint with its new signing secret. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        url: string;
                        event_types: string[];
                        description: string;
                        enabled: boolean;
                        disabled_reason: ("gone" | "failing" | "manual") | null;
                        headers: {
                            [key: string]: string;
                        };
                        secret_rotation_ends_at: string | null;
                        failing_since: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: starts_with */
                        secret: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "pending" | "succeeded" | "dead_lettered";
                event_type?: string;
                since?: string;
                until?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries, newest first. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            webhook_id: string;
                            message_id: string;
                            event_id: string;
                            event_type: string;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "dead_lettered";
                            attempts: number;
                            next_attempt_at: string | null;
                            last_error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery and its attempts. */
            200: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        webhook_id: string;
                        message_id: string;
                        event_id: string;
                        event_type: string;
                        /** @enum {string} */
                        status: "pending" | "succeeded" | "dead_lettered";
                        attempts: number;
                        next_attempt_at: string | null;
                        last_error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        attempts_log: {
                            attempt: number;
                            /** Format: date-time */
                            attempted_at: string;
                            status_code: number | null;
                            latency_ms: number;
                            response_body: string | null;
                            error: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, pending again. */
            202: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        webhook_id: string;
                        message_id: string;
                        event_id: string;
                        event_type: string;
                        /** @enum {string} */
                        status: "pending" | "succeeded" | "dead_lettered";
                        attempts: number;
                        next_attempt_at: string | null;
                        last_error: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    recoverWebhookDeliveries: {
        parameters: {
            query: {
                since: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many deliveries were queued again. */
            202: {
                headers: {
                    "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                    "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                    "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        recovered: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
}
