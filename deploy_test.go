package geokg_test

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// compose is the part of a Compose file that the checks read.
type compose struct {
	Services map[string]struct {
		Image       string         `yaml:"image"`
		Ports       []string       `yaml:"ports"`
		Environment map[string]any `yaml:"environment"`
		Volumes     []string       `yaml:"volumes"`
		Healthcheck struct {
			Test     []string `yaml:"test"`
			Interval string   `yaml:"interval"`
			Retries  int      `yaml:"retries"`
		} `yaml:"healthcheck"`
	} `yaml:"services"`
	Volumes map[string]any `yaml:"volumes"`
}

func TestDockerCompose(t *testing.T) {
	b, err := os.ReadFile("docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c compose
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	svc, ok := c.Services["neo4j"]
	if !ok {
		t.Fatal("docker-compose.yml has no neo4j service")
	}
	env := func(name string) string {
		v, ok := svc.Environment[name]
		if !ok {
			t.Errorf("environment has no %s", name)
			return ""
		}
		s, ok := v.(string)
		if !ok {
			t.Errorf("environment %s is %T, want a quoted string", name, v)
		}
		return s
	}

	t.Run("image pinned to a 5.26 community release", func(t *testing.T) {
		if !regexp.MustCompile(`^neo4j:5\.26\.\d+-community$`).MatchString(svc.Image) {
			t.Errorf("image %q, want neo4j:5.26.N-community", svc.Image)
		}
		script, err := os.ReadFile("scripts/neo4j-server/pom.xml")
		if err != nil {
			t.Fatal(err)
		}
		version := strings.TrimSuffix(strings.TrimPrefix(svc.Image, "neo4j:"), "-community")
		if !strings.Contains(string(script), "<neo4j.version>"+version+"</neo4j.version>") {
			t.Errorf("image %s is not the version scripts/neo4j-local runs", svc.Image)
		}
	})

	t.Run("APOC", func(t *testing.T) {
		var plugins []string
		if err := json.Unmarshal([]byte(env("NEO4J_PLUGINS")), &plugins); err != nil {
			t.Fatalf("NEO4J_PLUGINS is not a JSON list: %v", err)
		}
		if !slices.Contains(plugins, "apoc") {
			t.Errorf("NEO4J_PLUGINS %v lacks apoc", plugins)
		}
		if v := env("NEO4J_apoc_import_file_enabled"); v != "true" {
			t.Errorf("NEO4J_apoc_import_file_enabled = %q, want true (apoc.import.json needs it)", v)
		}
	})

	t.Run("password from .env, required", func(t *testing.T) {
		auth := env("NEO4J_AUTH")
		if !strings.HasPrefix(auth, "neo4j/${NEO4J_PASSWORD:?") || !strings.HasSuffix(auth, "}") {
			t.Errorf("NEO4J_AUTH = %q, want neo4j/${NEO4J_PASSWORD:?message}", auth)
		}
		example, err := os.ReadFile(".env.example")
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`(?m)^NEO4J_PASSWORD=.{8,}$`).Match(example) {
			t.Error(".env.example does not set NEO4J_PASSWORD to a password of 8 or more characters")
		}
		ignore, err := os.ReadFile(".gitignore")
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`(?m)^/?\.env$`).Match(ignore) {
			t.Error(".gitignore does not ignore .env")
		}
	})

	t.Run("ports", func(t *testing.T) {
		for _, want := range []string{"7474", "7687"} {
			found := false
			for _, p := range svc.Ports {
				if strings.HasSuffix(p, ":"+want) {
					found = true
				}
			}
			if !found {
				t.Errorf("ports %v do not publish %s", svc.Ports, want)
			}
		}
	})

	t.Run("named data volume", func(t *testing.T) {
		found := false
		for _, v := range svc.Volumes {
			src, dst, _ := strings.Cut(v, ":")
			if dst == "/data" {
				found = true
				if _, ok := c.Volumes[src]; !ok || strings.ContainsAny(src, "./") {
					t.Errorf("/data is mounted from %q, want a named volume declared under volumes:", src)
				}
			}
		}
		if !found {
			t.Error("no volume is mounted on /data")
		}
	})

	t.Run("healthcheck", func(t *testing.T) {
		hc := svc.Healthcheck
		cmd := strings.Join(hc.Test, " ")
		if len(hc.Test) < 2 || !strings.HasPrefix(hc.Test[0], "CMD") {
			t.Fatalf("healthcheck test %q, want [CMD-SHELL, ...]", hc.Test)
		}
		if !strings.Contains(cmd, "7474") && !strings.Contains(cmd, "cypher-shell") {
			t.Errorf("healthcheck %q checks neither HTTP on 7474 nor cypher-shell", cmd)
		}
		if hc.Retries == 0 || hc.Interval == "" {
			t.Errorf("healthcheck has no interval or retries")
		}
	})

	t.Run("memory for a laptop", func(t *testing.T) {
		heap := size(t, env("NEO4J_server_memory_heap_max__size"))
		cache := size(t, env("NEO4J_server_memory_pagecache_size"))
		const mb = 1 << 20
		if heap < 256*mb || cache < 128*mb {
			t.Errorf("heap %d MB, page cache %d MB: too small to be useful", heap/mb, cache/mb)
		}
		if heap+cache > 4096*mb {
			t.Errorf("heap %d MB + page cache %d MB: more than a laptop should give", heap/mb, cache/mb)
		}
	})
}

// size parses a Neo4j memory setting such as 512m or 1G.
func size(t *testing.T, s string) int64 {
	t.Helper()
	m := regexp.MustCompile(`^(\d+)([kKmMgG])$`).FindStringSubmatch(s)
	if m == nil {
		t.Errorf("memory setting %q, want a number with k, m or g", s)
		return 0
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	switch strings.ToLower(m[2]) {
	case "k":
		return n << 10
	case "m":
		return n << 20
	}
	return n << 30
}
