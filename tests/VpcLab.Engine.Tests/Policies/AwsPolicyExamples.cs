namespace VpcLab.Engine.Tests.Policies;

/// <summary>Example policies as AWS publishes them (AWS documentation text, reproduced as test data), each with its
/// page. Placeholders are the pages' own (bucket_name, vpce-1a2b3c4d, vpc-111bbb22, 111122223333, …); a test
/// replaces them with the lab's values, as each page tells its reader to.</summary>
internal static class AwsPolicyExamples
{
    /// <summary>VPC (PrivateLink) guide, "Gateway endpoints for Amazon S3".</summary>
    public const string GatewayS3Page = "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html";

    /// <summary>S3 User Guide, "AWS PrivateLink for Amazon S3" (interface endpoints).</summary>
    public const string S3PrivateLinkPage = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html";

    /// <summary>S3 User Guide, "Controlling access from VPC endpoints with bucket policies".</summary>
    public const string S3BucketPolicyVpcePage = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html";

    /// <summary>VPC (PrivateLink) guide, "Control access to VPC endpoints using endpoint policies".</summary>
    public const string EndpointPoliciesPage = "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html";

    /// <summary>S3 User Guide, "Examples of Amazon S3 bucket policies".</summary>
    public const string S3BucketPolicyExamplesPage = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html";

    /// <summary>IAM User Guide, "AWS global condition context keys".</summary>
    public const string GlobalKeysPage = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html";

    // --- GatewayS3Page, "Control access using bucket policies" ------------------------------------------------

    public const string GatewayBucketSpecificEndpoint = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Allow-access-to-specific-VPCE",
              "Effect": "Deny",
              "Principal": "*",
              "Action": ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
              "Resource": ["arn:aws:s3:::bucket_name",
                           "arn:aws:s3:::bucket_name/*"],
              "Condition": {
                "StringNotEquals": {
                  "aws:sourceVpce": "vpce-1a2b3c4d"
                }
              }
            }
          ]
        }
        """;

    public const string GatewayBucketSpecificVpc = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Allow-access-to-specific-VPC",
              "Effect": "Deny",
              "Principal": "*",
              "Action": ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
              "Resource": ["arn:aws:s3:::example_bucket",
                           "arn:aws:s3:::example_bucket/*"],
              "Condition": {
                "StringNotEquals": {
                  "aws:sourceVpc": "vpc-111bbb22"
                }
              }
            }
          ]
        }
        """;

    public const string GatewayBucketSpecificCidr = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Allow-access-to-specific-VPC-CIDR",
              "Effect": "Deny",
              "Principal": "*",
              "Action": ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
              "Resource": ["arn:aws:s3:::bucket_name",
                           "arn:aws:s3:::bucket_name/*"],
              "Condition": {
                "NotIpAddress": {
                  "aws:VpcSourceIp": "172.31.0.0/16"
                }
              }
            }
          ]
        }
        """;

    public const string GatewayBucketSpecificAccount = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Allow-access-to-bucket-in-specific-account",
              "Effect": "Deny",
              "Principal": "*",
              "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
              "Resource": "arn:aws:s3:::*",
              "Condition": {
                "StringNotEquals": {
                  "s3:ResourceAccount": "111122223333"
                }
              }
            }
          ]
        }
        """;

    // --- GatewayS3Page, "Edit the VPC endpoint policy" --------------------------------------------------------

    public const string GatewayEndpointSpecificBucket = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Allow-access-to-specific-bucket",
              "Effect": "Allow",
              "Principal": "*",
              "Action": [
                 "s3:ListBucket",
                 "s3:GetObject",
                 "s3:PutObject"
              ],
              "Resource": [
                "arn:aws:s3:::bucket_name",
                "arn:aws:s3:::bucket_name/*"
              ]
            }
          ]
        }
        """;

    public const string GatewayEndpointSpecificRole = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Allow-access-to-specific-IAM-role",
              "Effect": "Allow",
              "Principal": "*",
              "Action": "*",
              "Resource": "*",
              "Condition": {
                "ArnEquals": {
                  "aws:PrincipalArn": "arn:aws:iam::111122223333:role/role_name"
                }
              }
            }
          ]
        }
        """;

    public const string GatewayEndpointSpecificAccount = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Allow-callers-from-specific-account",
              "Effect": "Allow",
              "Principal": "*",
              "Action": "*",
              "Resource": "*",
              "Condition": {
                "StringEquals": {
                  "aws:PrincipalAccount": "111122223333"
                }
              }
            }
          ]
        }
        """;

    // --- EndpointPoliciesPage ---------------------------------------------------------------------------------

    /// <summary>"Default endpoint policy".</summary>
    public const string DefaultEndpointPolicy = """
        {
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "*",
                    "Resource": "*"
                }
            ]
        }
        """;

    /// <summary>"Principals for gateway endpoints": the principal named by aws:PrincipalArn (the page's condition
    /// block, in the page's own Allow-everything statement shape).</summary>
    public const string GatewayPrincipalArnCondition = """
        {
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": "*",
              "Action": "*",
              "Resource": "*",
              "Condition": {
                "StringEquals": {
                  "aws:PrincipalArn": "arn:aws:iam::123456789012:user/endpointuser"
                }
              }
            }
          ]
        }
        """;

    // --- S3PrivateLinkPage, "Creating a VPC endpoint policy for Amazon S3" -------------------------------------

    public const string PrivateLinkEndpointSpecificBucket = """
        {
          "Version":"2012-10-17",
          "Id": "Policy1415115909151",
          "Statement": [
            { "Sid": "Access-to-specific-bucket-only",
              "Principal": "*",
              "Action": [
                "s3:GetObject",
                "s3:PutObject"
              ],
              "Effect": "Allow",
              "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket1",
                           "arn:aws:s3:::amzn-s3-demo-bucket1/*"]
            }
          ]
        }
        """;

    /// <summary>"Restricting access to buckets in a specific account from a VPC endpoint": "use the following
    /// statement in your endpoint policy". The page's note: aws:ResourceAccount or s3:ResourceAccount.</summary>
    public const string PrivateLinkEndpointSpecificAccountStatement = """
            {
              "Sid": "Access-to-bucket-in-specific-account-only",
              "Principal": "*",
              "Action": [
                "s3:GetObject",
                "s3:PutObject"
              ],
              "Effect": "Deny",
              "Resource": "arn:aws:s3:::*",
              "Condition": {
                "StringNotEquals": {
                  "aws:ResourceAccount": "111122223333"
                }
              }
            }
        """;

    public const string PrivateLinkBucketSpecificVpce = """
        {
          "Version":"2012-10-17",
          "Id": "Policy1415115909152",
          "Statement": [
            { "Sid": "Access-to-specific-VPCE-only",
              "Principal": "*",
              "Action": "s3:*",
              "Effect": "Deny",
              "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket2",
                           "arn:aws:s3:::amzn-s3-demo-bucket2/*"],
              "Condition": {"StringNotEquals": {"aws:sourceVpce": "vpce-1a2b3c4d"}}
            }
          ]
        }
        """;

    // --- S3BucketPolicyVpcePage ---------------------------------------------------------------------------------

    public const string S3BucketSpecificVpce = """
        {
           "Version": "2012-10-17",
           "Id": "Policy1415115909152",
           "Statement": [
             {
               "Sid": "Access-to-specific-VPCE-only",
               "Principal": "*",
               "Action": "s3:*",
               "Effect": "Deny",
               "Resource": ["arn:aws:s3:::awsexamplebucket1",
                            "arn:aws:s3:::awsexamplebucket1/*"],
               "Condition": {
                 "StringNotEquals": {
                   "aws:SourceVpce": "vpce-1a2b3c4d"
                 }
               }
             }
           ]
        }
        """;

    public const string S3BucketSpecificVpc = """
        {
           "Version": "2012-10-17",
           "Id": "Policy1415115909153",
           "Statement": [
             {
               "Sid": "Access-to-specific-VPC-only",
               "Principal": "*",
               "Action": "s3:*",
               "Effect": "Deny",
               "Resource": ["arn:aws:s3:::awsexamplebucket1",
                            "arn:aws:s3:::awsexamplebucket1/*"],
               "Condition": {
                 "StringNotEquals": {
                   "aws:SourceVpc": "vpc-111bbb22"
                 }
               }
             }
           ]
        }
        """;

    // --- S3BucketPolicyExamplesPage -------------------------------------------------------------------------------

    /// <summary>"Managing access based on HTTP or HTTPS requests": deny plain HTTP.</summary>
    public const string S3BucketDenyInsecureTransport = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "RestrictToTLSRequestsOnly",
                    "Action": "s3:*",
                    "Effect": "Deny",
                    "Resource": [
                        "arn:aws:s3:::amzn-s3-demo-bucket",
                        "arn:aws:s3:::amzn-s3-demo-bucket/*"
                    ],
                    "Condition": {
                        "Bool": {
                            "aws:SecureTransport": "false"
                        }
                    },
                    "Principal": "*"
                }
            ]
        }
        """;

    /// <summary>Not AWS's text: the lab's own policy on aws:PrincipalOrgID (GlobalKeysPage), in the shape of the
    /// examples above. The lab has no organizations, so the key is absent and StringNotEquals on an absent key is
    /// true (IAM's rule for negated operators).</summary>
    public const string S3BucketOnlyMyOrganization = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "DenyOutsideMyOrganization",
                    "Effect": "Deny",
                    "Principal": "*",
                    "Action": "s3:*",
                    "Resource": [
                        "arn:aws:s3:::amzn-s3-demo-bucket",
                        "arn:aws:s3:::amzn-s3-demo-bucket/*"
                    ],
                    "Condition": {
                        "StringNotEquals": {
                            "aws:PrincipalOrgID": "o-aa111bb222"
                        }
                    }
                }
            ]
        }
        """;

    /// <summary>Wraps statements (JSON objects) into a policy, the default endpoint policy's statement first when
    /// <paramref name="withDefaultAllow"/>: how a page's "use the following statement in your endpoint policy"
    /// becomes a whole endpoint policy.</summary>
    public static string PolicyOf(bool withDefaultAllow, params string[] statements) =>
        "{\"Version\":\"2012-10-17\",\"Statement\":[" +
        string.Join(',', withDefaultAllow ? ["{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}", .. statements] : statements) +
        "]}";
}
